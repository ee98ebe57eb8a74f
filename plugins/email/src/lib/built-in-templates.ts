import { formatMoney } from "@indus/money"
import { MedusaError } from "@medusajs/framework/utils"
import type { EmailTemplateData, OrderSummary } from "./template-data"
import type { RenderedEmail } from "./types"

type Data = Record<string, any>
type Plain = { subject: string; lines: string[] }

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

const orderLines = (o: OrderSummary) => [
  ...o.items.map((i) => `${i.quantity} × ${i.title}${i.variant_title ? ` (${i.variant_title})` : ""}: ${formatMoney(i.total, o.currency_code)}`),
  `Total: ${formatMoney(o.total, o.currency_code)}`,
]

/** Plain fallbacks for a shop without templates of its own: the facts, no branding. */
const PLAIN: { [K in keyof EmailTemplateData]: (d: EmailTemplateData[K]) => Plain } = {
  "order-placed": (d) => ({ subject: `Order #${d.order.display_id} confirmed`, lines: ["Thank you for your order.", ...orderLines(d.order)] }),
  "upi-instructions": (d) => ({
    subject: `Order #${d.order.display_id}: pay ${formatMoney(d.upi.amount, d.order.currency_code)} by UPI`,
    lines: ["Thank you for your order. Pay with any UPI app:", d.upi.uri, ...orderLines(d.order)],
  }),
  "cod-confirmation": (d) => ({
    subject: `Order #${d.order.display_id} confirmed: cash on delivery`,
    lines: [`Please keep ${formatMoney(d.order.total, d.order.currency_code)} ready on delivery.`, ...orderLines(d.order)],
  }),
  "payment-captured": (d) => ({ subject: `Payment received for order #${d.display_id}`, lines: [`We received ${formatMoney(d.amount, d.currency_code)}.`] }),
  "payment-refunded": (d) => ({ subject: `Refund for order #${d.display_id}`, lines: [`We refunded ${formatMoney(d.amount, d.currency_code)}.`, ...(d.note ? [d.note] : [])] }),
  "order-canceled": (d) => ({ subject: `Order #${d.display_id} canceled`, lines: [`Your order of ${formatMoney(d.total, d.currency_code)} was canceled.`] }),
  "shipment-created": (d) => ({
    subject: `Order #${d.display_id} has shipped`,
    lines: [...d.items.map((i) => `${i.quantity} × ${i.title}`), ...d.tracking.map((t) => `Tracking: ${[t.number, t.url].filter(Boolean).join(" ")}`)],
  }),
  "delivery-created": (d) => ({ subject: `Order #${d.display_id} was delivered`, lines: d.items.map((i) => `${i.quantity} × ${i.title}`) }),
  "customer-welcome": (d) => ({ subject: "Welcome", lines: [`Hello${d.first_name ? ` ${d.first_name}` : ""}, your account is ready.`] }),
  "password-reset": (d) => ({ subject: "Reset your password", lines: ["Use this code to choose a new password:", d.token] }),
  "staff-invite": (d) => ({ subject: "You are invited to the shop's admin", lines: ["Accept the invite with this code:", d.token] }),
}

/** Renders a built-in plain template; an unknown template name is an error naming it. */
export async function renderBuiltIn(template: string, data: Data): Promise<RenderedEmail> {
  const plain = (PLAIN as Record<string, ((d: Data) => Plain) | undefined>)[template]
  if (!plain) throw new MedusaError(MedusaError.Types.INVALID_DATA, `@indus/email: no built-in template "${template}"; give the shop's templates with the templates option`)
  const { subject, lines } = plain(data)
  const html = `<!doctype html><html><body>${lines.map((l) => `<p>${escape(l)}</p>`).join("")}</body></html>`
  return { subject, html, text: lines.join("\n") }
}
