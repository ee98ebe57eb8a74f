import { defineOptions, type PluginOptions } from "@indus/plugin-options"
import { z } from "@medusajs/framework/zod"

/**
 * Every option of @indus/email, with its documented default. The app maps its environment to these
 * in medusa-config.ts; nothing in the plugin reads the environment itself. The providers (SES, the
 * outbox) take their own options under Medusa's Notification Module.
 */
export const options = defineOptions(
  "@indus/email",
  z.object({
    /**
     * The shop's e-mail templates: a module path, relative to the app's root ("./src/emails") or a
     * package name, whose `renderEmail(template, data)` returns `{ subject, html, text, attachments? }`.
     * Unset: the plugin's built-in plain templates.
     */
    templates: z.string().trim().min(1).optional(),
    /** The provider id the app gave the outbox provider: its sends are logged with the rendered copy. */
    outbox_provider_id: z.string().trim().min(1).default("outbox"),
    /** Attachment bytes kept per outbox copy; larger attachments keep their name, type and size only. */
    max_kept_attachment_bytes: z.number().int().min(0).default(2 * 1024 * 1024),
  })
)

export type EmailOptions = PluginOptions<typeof options.schema>
