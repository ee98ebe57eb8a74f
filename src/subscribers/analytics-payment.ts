import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { paymentEvent } from "../lib/analytics/events"
import { trackEvent } from "../lib/analytics/track"

/**
 * Medusa 2.21 emits payment.captured and payment.refunded with the payment id. It emits no
 * "payment failed" event: failures are tracked by the checkout middleware (payment.failed).
 */
export default async function analyticsPayment({ event: { name, data }, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [payment] } = await query.graph({
    entity: "payment",
    fields: ["id", "currency_code", "provider_id", "captures.id", "captures.amount", "captures.created_at", "refunds.id", "refunds.amount", "refunds.created_at"],
    filters: { id: data.id },
  })
  if (!payment) return
  const byTime = <T extends { created_at?: unknown }>(list?: T[] | null) =>
    [...(list ?? [])].sort((a, b) => new Date(a.created_at as string).getTime() - new Date(b.created_at as string).getTime())
  const event = paymentEvent(name === PaymentEvents.REFUNDED ? "refunded" : "captured", {
    ...payment,
    captures: byTime(payment.captures as never[]),
    refunds: byTime(payment.refunds as never[]),
  } as never)
  if (event) trackEvent(container, event)
}

export const config: SubscriberConfig = {
  event: [PaymentEvents.CAPTURED, PaymentEvents.REFUNDED],
  context: { subscriberId: "analytics-payment" },
}
