import { createHash } from "crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { options } from "../options"
import { sendShopEmail } from "./send"
import type { EmailTemplateData, EmailTemplateName } from "./template-data"
import { emailRenderer } from "./templates"
import type { ShopEmail } from "./types"

/** For idempotency keys built from secrets (reset and invite tokens): the key is stored and shown. */
export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex")

/**
 * Renders a template with the shop's templates (the `templates` option) and sends it through the
 * Notification Module. Logs the template and resource only (never the address or the data:
 * customer PII). Send failures propagate, so Medusa records the failed row and a redelivered event
 * retries it.
 */
export async function renderAndSend<T extends EmailTemplateName>(
  container: MedusaContainer,
  template: T,
  data: EmailTemplateData[T],
  email: Omit<ShopEmail, "template" | "data">
) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const render = emailRenderer(options.fromContainer(container).templates)
  const rendered = await render(template, data as Record<string, unknown>)
  const row = await sendShopEmail(container, { ...email, template, data: data as Record<string, unknown> }, rendered)
  const what = `${template} for ${email.resource_type ?? "resource"} ${email.resource_id ?? "-"}`
  logger.info(row ? `email ${what}: handed to the e-mail provider` : `email ${what}: already sent, skipped`)
  return row
}
