import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { renderAndSend } from "../lib/deliver"
import { amountText } from "../lib/amount"

/** One mail per capture (a payment can be captured in parts): the newest capture of the payment. */
export default async function emailPaymentCaptured({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [payment] } = await query.graph({
    entity: "payment",
    fields: [
      "id", "currency_code", "captures.id", "captures.amount", "captures.created_at",
      "payment_collection.order.id", "payment_collection.order.display_id", "payment_collection.order.email",
      "payment_collection.order.total", "payment_collection.order.no_notification",
    ],
    filters: { id: data.id },
  })
  const order = (payment as any)?.payment_collection?.order
  const capture = [...((payment as any)?.captures ?? [])].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at))).pop()
  if (!order?.email || order.no_notification || !capture) return
  await renderAndSend(
    container,
    "payment-captured",
    { display_id: order.display_id, currency_code: payment.currency_code, amount: amountText(capture.amount), order_total: amountText(order.total) },
    { to: order.email, idempotency_key: `payment-captured:${capture.id}`, resource_id: order.id, resource_type: "order", trigger_type: "payment.captured" }
  )
}

export const config: SubscriberConfig = { event: "payment.captured", context: { subscriberId: "email-payment-captured" } }
