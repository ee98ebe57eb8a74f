/**
 * The contract between a shop's e-mail content (its templates) and this plugin's delivery
 * (Notification Module → the SES provider, or the local outbox).
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

/** What the shop's templates module exports (the `templates` option names it). */
export type EmailRenderer = (template: string, data: Record<string, unknown>) => Promise<RenderedEmail>
