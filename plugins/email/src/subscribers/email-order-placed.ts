import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { renderAndSend } from "../lib/deliver"
import { ORDER_CONFIRMATION_FIELDS, orderConfirmation } from "../lib/order-confirmation"

/** The order confirmation (plain, UPI instructions or COD), once per order. */
export default async function emailOrderPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({ entity: "order", fields: ORDER_CONFIRMATION_FIELDS, filters: { id: data.id } })
  if (!order?.email || order.no_notification) return
  const { template, data: mail } = orderConfirmation(order)
  await renderAndSend(container, template, mail as never, {
    to: order.email,
    idempotency_key: `order-placed:${order.id}`,
    resource_id: order.id,
    resource_type: "order",
    trigger_type: "order.placed",
    receiver_id: order.customer_id ?? undefined,
  })
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "email-order-placed" } }
