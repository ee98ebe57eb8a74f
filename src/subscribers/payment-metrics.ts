import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { payments } from "../lib/ops/metrics-catalogue"

/**
 * payments_total{provider, outcome}: an order placed counts its payments as authorized; Medusa's
 * payment.captured / payment.refunded events count captures and refunds. Works for any provider.
 */
export default async function paymentMetrics({ event: { name, data }, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let providers: string[] = []
  let outcome: string
  if (name === "order.placed") {
    outcome = "authorized"
    const { data: [order] } = await query.graph({
      entity: "order",
      fields: ["id", "payment_collections.payments.provider_id"],
      filters: { id: data.id },
    })
    providers = (order?.payment_collections ?? []).flatMap((pc: any) => (pc?.payments ?? []).map((p: any) => p?.provider_id))
  } else {
    outcome = name === "payment.captured" ? "captured" : "refunded"
    const { data: [payment] } = await query.graph({ entity: "payment", fields: ["id", "provider_id"], filters: { id: data.id } })
    providers = payment ? [payment.provider_id] : []
  }
  for (const provider of providers.filter(Boolean)) {
    payments.inc({ provider, outcome })
    logger.info(`payment ${outcome} via ${provider} (${name} ${data.id})`)
  }
}

export const config: SubscriberConfig = {
  event: ["order.placed", "payment.captured", "payment.refunded"],
  context: { subscriberId: "payment-metrics" },
}
