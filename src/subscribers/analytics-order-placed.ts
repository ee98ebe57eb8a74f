import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { orderPlacedEvent } from "../lib/analytics/events"
import { trackEvent } from "../lib/analytics/track"

/** Order placed: value in minor units, currency, region, items and payment provider. */
export default async function analyticsOrderPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: [
      "id", "created_at", "customer_id", "region_id", "sales_channel_id", "currency_code", "total",
      "items.product_id", "items.variant_id", "items.product_title", "items.quantity", "items.unit_price",
      "payment_collections.payments.provider_id",
    ],
    filters: { id: data.id },
  })
  if (!order) return
  let regionName: string | null = null
  if (order.region_id) {
    const { data: [region] } = await query.graph({ entity: "region", fields: ["name"], filters: { id: order.region_id } })
    regionName = region?.name ?? null
  }
  trackEvent(container, orderPlacedEvent(order as never, regionName))
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "analytics-order-placed" } }
