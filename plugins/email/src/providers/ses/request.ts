import type { SendEmailCommandInput } from "@aws-sdk/client-sesv2"
import type { NotificationTypes } from "@medusajs/framework/types"
import type { SesNotificationOptions } from "./types"

/**
 * SES message tags allow only ASCII letters, digits, `_` and `-`, at most 256 characters.
 * Anything else becomes `_`; an empty result is dropped.
 */
export function sanitizeTagValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  const clean = String(value).replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 256)
  return clean.replace(/_/g, "") ? clean : undefined
}

/**
 * The Notification Module hands the provider the whole notification row being sent, so besides
 * the documented fields it carries the row id and resource type.
 */
type SentNotification = NotificationTypes.ProviderSendNotificationDTO & { id?: string; resource_type?: string | null }

/** Tags that let SES events (bounce, complaint, delivery) be traced back to a notification row and template. */
export function emailTags(n: SentNotification): { Name: string; Value: string }[] {
  const candidates: [string, unknown][] = [
    ["template", n.template],
    ["resource_type", n.resource_type],
    ["notification_id", n.id],
  ]
  return candidates.flatMap(([name, raw]) => {
    const value = sanitizeTagValue(raw)
    return value ? [{ Name: name, Value: value }] : []
  })
}

export class SesRequestError extends Error {}

/** The SESv2 SendEmail input for one notification: Simple content with attachments. */
export function buildSendEmailInput(
  n: SentNotification,
  options: Pick<SesNotificationOptions, "from" | "reply_to" | "configuration_set">
): SendEmailCommandInput {
  const subject = n.content?.subject
  const html = n.content?.html
  const text = n.content?.text
  if (!n.to) throw new SesRequestError("notification-ses: the notification has no recipient")
  if (!subject || (!html && !text)) {
    throw new SesRequestError(`notification-ses: template "${n.template}" came without a rendered subject and body`)
  }
  const attachments = (n.attachments ?? []).map((a) => {
    if (!a.filename || typeof a.content !== "string") throw new SesRequestError("notification-ses: an attachment needs a filename and base64 content")
    const inline = a.disposition === "inline"
    return {
      FileName: a.filename,
      RawContent: new Uint8Array(Buffer.from(a.content, "base64")),
      ContentType: a.content_type || undefined,
      ContentDisposition: inline ? ("INLINE" as const) : ("ATTACHMENT" as const),
      // Content-ID lets the HTML reference the image as `cid:<id>`
      ContentId: a.id || undefined,
      ContentTransferEncoding: "BASE64" as const,
    }
  })
  const from = n.from || options.from
  const tags = emailTags(n)
  return {
    FromEmailAddress: from,
    Destination: { ToAddresses: [n.to] },
    ReplyToAddresses: options.reply_to ? [options.reply_to] : undefined,
    Content: {
      Simple: {
        Subject: { Data: subject, Charset: "UTF-8" },
        Body: {
          ...(html ? { Html: { Data: html, Charset: "UTF-8" } } : {}),
          ...(text ? { Text: { Data: text, Charset: "UTF-8" } } : {}),
        },
        ...(attachments.length ? { Attachments: attachments } : {}),
      },
    },
    ConfigurationSetName: options.configuration_set || undefined,
    EmailTags: tags.length ? tags : undefined,
  }
}
