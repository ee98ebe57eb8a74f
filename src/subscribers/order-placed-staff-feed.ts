import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { formatMoney, type AmountInput } from "@indus/money"

/**
 * Staff see every new order in the admin's notification feed (the bell), with
 * the order number and amount; customer details stay out of it.
 */
export default async function orderPlacedStaffFeed({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const notifications = container.resolve(Modules.NOTIFICATION)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "currency_code", "total", "items.id"],
    filters: { id: data.id },
  })
  if (!order) return
  const amount = formatMoney(order.total as AmountInput, order.currency_code)
  await notifications.createNotifications({
    to: "",
    channel: "feed",
    template: "admin-ui",
    resource_id: order.id,
    resource_type: "order",
    trigger_type: "order.placed",
    data: {
      title: `New order #${order.display_id}`,
      description: `${amount}, ${order.items?.length ?? 0} line(s)`,
    },
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "order-placed-staff-feed" },
}
