import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COD_PROVIDER_ID } from "../../lib/payments/providers-config"
import { appConfig } from "../../config"
import { assertCodEligible, cartOfPaymentCollection } from "../../lib/payments/offline/cod-cart"

/**
 * COD rules again when the order is placed: Medusa keeps a payment session when a cart edit leaves the
 * total unchanged, so a shopper could move to a blocked PIN code after choosing cash on delivery.
 */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  const cartId = (cart as { id?: string } | undefined)?.id
  if (!cartId) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [found] } = await query.graph({
    entity: "cart",
    fields: ["payment_collection.id", "payment_collection.payment_sessions.provider_id"],
    filters: { id: cartId },
  })
  const collection = (found as { payment_collection?: { id: string; payment_sessions?: { provider_id: string }[] } } | undefined)?.payment_collection
  if (!collection?.payment_sessions?.some((s) => s.provider_id === COD_PROVIDER_ID)) return
  const current = await cartOfPaymentCollection(container, collection.id)
  if (current) assertCodEligible(current, appConfig().payments.cod)
})
