import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { RenderedEmail, ShopEmail } from "./types"

/**
 * Sends one shop e-mail through the Notification Module on channel `email`. The idempotency key
 * makes a redelivered event a no-op (Medusa skips a key whose row did not fail, retries a failed
 * one). Returns the notification row, or undefined when the key was already sent.
 */
export async function sendShopEmail(container: MedusaContainer, email: ShopEmail, rendered: RenderedEmail) {
  const notifications = container.resolve(Modules.NOTIFICATION)
  const [row] = await notifications.createNotifications([
    {
      to: email.to,
      channel: "email",
      template: email.template,
      data: email.data,
      idempotency_key: email.idempotency_key,
      resource_id: email.resource_id,
      resource_type: email.resource_type,
      trigger_type: email.trigger_type,
      receiver_id: email.receiver_id,
      content: { subject: rendered.subject, html: rendered.html, text: rendered.text },
      attachments: rendered.attachments,
    },
  ])
  return row
}
