import { model } from "@medusajs/framework/utils"

/**
 * One shop e-mail as staff see it in the admin: what was sent to whom, through which provider,
 * and how it went. One row per idempotency key (a retry updates it). `html`, `text` and the
 * attachments are the rendered copy, kept only on the local-outbox path.
 */
export const EmailMessage = model
  .define("email_message", {
    id: model.id({ prefix: "emsg" }).primaryKey(),
    idempotency_key: model.text().nullable(),
    notification_id: model.text().nullable(),
    template: model.text(),
    to: model.text(),
    subject: model.text(),
    status: model.enum(["sent", "outbox", "failed"]),
    provider_id: model.text().nullable(),
    message_id: model.text().nullable(),
    error_code: model.text().nullable(),
    error_kind: model.text().nullable(),
    error_message: model.text().nullable(),
    attempts: model.number().default(1),
    resource_type: model.text().nullable(),
    resource_id: model.text().nullable(),
    html: model.text().nullable(),
    text: model.text().nullable(),
    /** [{ filename, content_type, disposition, id, size, content? (base64) }] */
    attachments: model.json().nullable(),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL" },
    { on: ["created_at"] },
    { on: ["status", "created_at"] },
    { on: ["template"] },
  ])
