import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { renderAndSend } from "../lib/deliver"
import { amountText } from "../lib/amount"

export default async function emailOrderCanceled({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "email", "currency_code", "total", "no_notification"],
    filters: { id: data.id },
  })
  if (!order?.email || order.no_notification || order.display_id == null) return
  await renderAndSend(
    container,
    "order-canceled",
    { display_id: order.display_id, currency_code: order.currency_code, total: amountText(order.total as any) },
    { to: order.email, idempotency_key: `order-canceled:${order.id}`, resource_id: order.id, resource_type: "order", trigger_type: "order.canceled" }
  )
}

export const config: SubscriberConfig = { event: "order.canceled", context: { subscriberId: "email-order-canceled" } }
