import QRCode from "qrcode"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendShopEmail } from "@indus/email"

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

/**
 * `npm run email:test -- <address>`: sends one "delivery check" e-mail through the active path
 * (SES, or the local outbox) with an inline QR image, to prove the setup end to end: with SES it
 * lands in the inbox (in the SES sandbox only verified addresses receive mail); either way it is
 * listed in the admin under E-mails. Exits non-zero when sending fails.
 */
export default async function sendTestEmail({ container, args = [] }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const to = args[0]
  if (!to || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(to)) {
    throw new Error("usage: npm run email:test -- <address>")
  }
  const sentAt = new Date().toISOString()
  const qr = await QRCode.toBuffer(`delivery-check ${sentAt}`, { type: "png", margin: 1, width: 180 })
  const row = await sendShopEmail(
    container,
    { template: "delivery-check", to, data: { sent_at: sentAt }, idempotency_key: `delivery-check:${sentAt}`, trigger_type: "email:test" },
    {
      subject: "Delivery check from the shop",
      html: `<html><head><meta charset="utf-8"></head><body style="font-family:sans-serif">
<h1>E-mail delivery works</h1>
<p>This message was sent at ${escape(sentAt)} to check the shop's e-mail setup.</p>
<p><img src="cid:delivery-check-qr" alt="QR code" width="180" height="180"></p>
</body></html>`,
      text: `E-mail delivery works.\nThis message was sent at ${sentAt} to check the shop's e-mail setup.`,
      attachments: [{ filename: "delivery-check.png", content: qr.toString("base64"), content_type: "image/png", disposition: "inline", id: "delivery-check-qr" }],
    }
  )
  logger.info(`email:test: delivery-check ${row?.provider_id === "outbox" ? "kept in the local outbox" : `sent (message id ${row?.external_id ?? "-"})`}; see the admin under E-mails`)
}
