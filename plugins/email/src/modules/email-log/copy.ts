import type { StoredAttachment } from "./types"

type InputAttachment = { filename: string; content: string; content_type: string; disposition?: "attachment" | "inline"; id?: string }

/** Attachment bytes kept per message; larger ones keep their name, type and size only. */
export const MAX_KEPT_ATTACHMENT_BYTES = 2 * 1024 * 1024

const base64Size = (b64: string) => {
  const clean = b64.replace(/\s/g, "")
  return Math.floor((clean.length * 3) / 4) - (clean.endsWith("==") ? 2 : clean.endsWith("=") ? 1 : 0)
}

/** The attachments as kept in the outbox copy, with their bytes while the budget lasts. */
export function keptAttachments(attachments: InputAttachment[] | undefined, budget = MAX_KEPT_ATTACHMENT_BYTES): StoredAttachment[] {
  let left = budget
  return (attachments ?? []).map((a) => {
    const size = base64Size(a.content ?? "")
    const keep = size <= left
    if (keep) left -= size
    return {
      filename: a.filename,
      content_type: a.content_type,
      disposition: a.disposition === "inline" ? "inline" : "attachment",
      ...(a.id ? { id: a.id } : {}),
      size,
      ...(keep ? { content: a.content } : {}),
    }
  })
}

/** Attachment metadata without the bytes, for the list view and the SES path. */
export const attachmentSummary = (attachments: InputAttachment[] | undefined) => keptAttachments(attachments, 0)
