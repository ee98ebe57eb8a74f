import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { customerCreatedEvent } from "../lib/analytics/events"
import { trackEvent } from "../lib/analytics/track"

/** By id only: no name or e-mail leaves the customer module. */
export default async function analyticsCustomerCreated({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [customer] } = await query.graph({ entity: "customer", fields: ["id", "has_account"], filters: { id: data.id } })
  if (customer) trackEvent(container, customerCreatedEvent(customer))
}

export const config: SubscriberConfig = { event: "customer.created", context: { subscriberId: "analytics-customer-created" } }
