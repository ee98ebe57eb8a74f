export type EmailStatus = "sent" | "outbox" | "failed"

export type EmailAttachment = {
  filename: string
  content_type: string
  disposition: "attachment" | "inline"
  id?: string
  size: number
  content?: string
}

export type EmailMessage = {
  id: string
  created_at: string
  updated_at: string
  template: string
  to: string
  subject: string
  status: EmailStatus
  provider_id: string | null
  message_id: string | null
  error_code: string | null
  error_kind: string | null
  error_message: string | null
  attempts: number
  resource_type: string | null
  resource_id: string | null
  html?: string | null
  text?: string | null
  attachments: EmailAttachment[] | null
}
