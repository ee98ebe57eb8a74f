export type EmailStatus = "sent" | "outbox" | "failed"

export type StoredAttachment = {
  filename: string
  content_type: string
  disposition: "attachment" | "inline"
  id?: string
  /** bytes */
  size: number
  /** base64, absent when the copy would exceed the size budget */
  content?: string
}

/** One send attempt, as sendShopEmail reports it. */
export type EmailAttemptRecord = {
  idempotency_key?: string | null
  notification_id?: string | null
  template: string
  to: string
  subject: string
  status: EmailStatus
  provider_id?: string | null
  message_id?: string | null
  error_code?: string | null
  error_kind?: string | null
  error_message?: string | null
  resource_type?: string | null
  resource_id?: string | null
  html?: string | null
  text?: string | null
  attachments?: StoredAttachment[] | null
}
