import type { EmailStatus, StoredAttachment } from "../../../modules/email-log/types"

export type { EmailStatus }
/** An attachment as the e-mail log stores it (the admin API returns it unchanged). */
export type EmailAttachment = StoredAttachment

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
