/**
 * The contract between the shop's e-mail content (templates + subscribers) and its delivery
 * (Notification Module → notification-ses, or the local outbox when AWS is not configured).
 */

/** A message ready to send: what a template renders to. */
export type RenderedEmail = {
  subject: string
  html: string
  text: string
  attachments?: EmailAttachment[]
}

export type EmailAttachment = {
  filename: string
  /** base64 of the bytes, as Medusa's notification provider contract carries attachments */
  content: string
  content_type: string
  disposition?: "attachment" | "inline"
  /** Content-ID for inline images (`<img src="cid:…">`) */
  id?: string
}

/** Who gets which message, and the key that makes a retried event a no-op. */
export type ShopEmail = {
  /** template name, one per message: "order-placed", "upi-instructions", "password-reset", … */
  template: string
  to: string
  /** the data the template was rendered from, kept on the notification row */
  data: Record<string, unknown>
  /** e.g. `order-placed:<order_id>`; a second send with the same key is skipped */
  idempotency_key: string
  resource_id?: string
  resource_type?: string
  trigger_type?: string
  receiver_id?: string
}
