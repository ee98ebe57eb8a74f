import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { renderAndSend, sha256 } from "../lib/deliver"

/** Invite and re-sent invite: a resend makes a new token, so the key carries the token's hash. */
export default async function emailStaffInvite({ event: { name, data }, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [invite] } = await query.graph({ entity: "invite", fields: ["id", "email", "token", "expires_at", "accepted"], filters: { id: data.id } })
  if (!invite?.email || !invite.token || invite.accepted) return
  const expires_at = invite.expires_at ? new Date(invite.expires_at as any).toISOString() : undefined
  await renderAndSend(container, "staff-invite", { token: invite.token, ...(expires_at ? { expires_at } : {}) }, {
    to: invite.email,
    idempotency_key: `staff-invite:${invite.id}:${sha256(invite.token)}`,
    resource_id: invite.id,
    resource_type: "invite",
    trigger_type: name,
  })
}

export const config: SubscriberConfig = { event: ["invite.created", "invite.resent"], context: { subscriberId: "email-staff-invite" } }
