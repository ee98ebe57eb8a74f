import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { renderAndSend } from "../lib/deliver"
import { amountText } from "../lib/amount"

/** One mail per refund: the newest refund of the payment (`payment.refunded` carries the payment id). */
export default async function emailPaymentRefunded({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [payment] } = await query.graph({
    entity: "payment",
    fields: [
      "id", "currency_code", "refunds.id", "refunds.amount", "refunds.created_at", "refunds.refund_reason.label",
      "payment_collection.order.id", "payment_collection.order.display_id", "payment_collection.order.email",
      "payment_collection.order.no_notification",
    ],
    filters: { id: data.id },
  })
  const order = (payment as any)?.payment_collection?.order
  const refund = [...((payment as any)?.refunds ?? [])].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at))).pop()
  if (!order?.email || order.no_notification || !refund) return
  await renderAndSend(
    container,
    "payment-refunded",
    {
      display_id: order.display_id,
      currency_code: payment.currency_code,
      amount: amountText(refund.amount),
      ...(refund.refund_reason?.label ? { note: refund.refund_reason.label } : {}),
    },
    { to: order.email, idempotency_key: `payment-refunded:${refund.id}`, resource_id: order.id, resource_type: "order", trigger_type: "payment.refunded" }
  )
}

export const config: SubscriberConfig = { event: "payment.refunded", context: { subscriberId: "email-payment-refunded" } }
