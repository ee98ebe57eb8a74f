import { MathBN } from "@medusajs/framework/utils"
import { amountText } from "./amount"
import type { EmailTemplateData } from "./template-data"
import { ORDER_EMAIL_FIELDS, toOrderSummary } from "./order-summary"

export const ORDER_CONFIRMATION_FIELDS = [
  ...ORDER_EMAIL_FIELDS,
  "items.total",
  "payment_collections.payment_sessions.provider_id",
  "payment_collections.payment_sessions.status",
  "payment_collections.payment_sessions.data",
]

type Session = { provider_id: string; status?: string; data?: Record<string, unknown> | null }
type Confirmation =
  | { template: "order-placed"; data: EmailTemplateData["order-placed"] }
  | { template: "upi-instructions"; data: EmailTemplateData["upi-instructions"] }
  | { template: "cod-confirmation"; data: EmailTemplateData["cod-confirmation"] }

/**
 * One confirmation per order, chosen by how it is paid: UPI direct → the order with UPI payment
 * instructions (intent link + QR); cash on delivery → the order with the amount due and the COD fee;
 * anything else → the plain confirmation. Each replaces the plain one (a shopper gets one mail).
 */
export function orderConfirmation(order: any): Confirmation {
  const summary = toOrderSummary(order)
  const customer_name = order.customer?.first_name || order.shipping_address?.first_name || undefined
  const sessions: Session[] = (order.payment_collections ?? []).flatMap((pc: any) => pc?.payment_sessions ?? []).filter(Boolean)
  const live = sessions.filter((s) => !["canceled", "error"].includes(String(s.status)))
  const upi = live.find((s) => s.provider_id === "pp_upi_upi" && typeof s.data?.upi_uri === "string")
  if (upi?.data) {
    const d = upi.data as { upi_uri: string; amount: string; expires_at?: string }
    return { template: "upi-instructions", data: { order: summary, upi: { uri: d.upi_uri, amount: d.amount, expires_at: d.expires_at } } }
  }
  if (live.some((s) => s.provider_id === "pp_cod_cod")) {
    const fee = (order.items ?? [])
      .filter((i: any) => i?.metadata?.cod_fee === true)
      .reduce((sum: any, i: any) => MathBN.add(sum, amountText(i.total)), MathBN.convert(0))
    return { template: "cod-confirmation", data: { order: summary, cod_fee: fee.toFixed() } }
  }
  return { template: "order-placed", data: { order: summary, ...(customer_name ? { customer_name } : {}) } }
}
