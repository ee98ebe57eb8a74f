import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cartCreatedEvent } from "../lib/analytics/events"
import { trackEvent } from "../lib/analytics/track"

export default async function analyticsCartCreated({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "region_id", "currency_code", "sales_channel_id"],
    filters: { id: data.id },
  })
  if (cart) trackEvent(container, cartCreatedEvent(cart))
}

export const config: SubscriberConfig = { event: "cart.created", context: { subscriberId: "analytics-cart-created" } }
