import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { renderAndSend, sha256 } from "../lib/deliver"

type PasswordResetEvent = { entity_id: string; actor_type: string; token: string }

/**
 * Customers get a storefront link, staff (`user`) the admin's /reset-password page. The token is a
 * credential: the idempotency key holds its hash, and nothing about it is logged.
 */
export default async function emailPasswordReset({ event: { data }, container }: SubscriberArgs<PasswordResetEvent>) {
  const { entity_id: email, actor_type, token } = data
  if (!email || !token || (actor_type !== "customer" && actor_type !== "user")) return
  await renderAndSend(container, "password-reset", { actor_type, email, token }, {
    to: email,
    idempotency_key: `password-reset:${actor_type}:${sha256(token)}`,
    resource_type: actor_type,
    trigger_type: "auth.password_reset",
  })
}

export const config: SubscriberConfig = { event: "auth.password_reset", context: { subscriberId: "email-password-reset" } }
