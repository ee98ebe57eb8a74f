import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { renderAndSend } from "../lib/deliver"

/** Welcome for registered customers only: a guest checkout also creates a customer (has_account false). */
export default async function emailCustomerWelcome({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [customer] } = await query.graph({ entity: "customer", fields: ["id", "email", "first_name", "has_account"], filters: { id: data.id } })
  if (!customer?.email || !customer.has_account) return
  await renderAndSend(container, "customer-welcome", customer.first_name ? { first_name: customer.first_name } : {}, {
    to: customer.email,
    idempotency_key: `customer-welcome:${customer.id}`,
    resource_id: customer.id,
    resource_type: "customer",
    trigger_type: "customer.created",
    receiver_id: customer.id,
  })
}

export const config: SubscriberConfig = { event: "customer.created", context: { subscriberId: "email-customer-welcome" } }
