import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { refreshPaymentCollectionForCartWorkflow } from "@medusajs/medusa/core-flows"
import { checkCodEligibility, type CodRules } from "../../../modules/payment-cod/eligibility"
import { fromMinor, toMinor } from "@indus/money"

export const COD_FEE_TITLE = "Cash on delivery fee"
const isFeeLine = (item: { metadata?: Record<string, unknown> | null }) => item.metadata?.cod_fee === true

type CartForCod = {
  id: string
  currency_code: string
  total: unknown
  shipping_address?: { postal_code?: string | null } | null
  shipping_methods?: { shipping_option_id?: string | null; name?: string | null; total?: unknown }[]
  items?: { id: string; total: unknown; metadata?: Record<string, unknown> | null }[]
}

/** The cart behind a payment collection, read server-side with the fields COD eligibility needs. */
export async function cartOfPaymentCollection(container: MedusaContainer, collectionId: string): Promise<CartForCod | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [collection] } = await query.graph({ entity: "payment_collection", fields: ["id", "cart.id"], filters: { id: collectionId } })
  const cartId = (collection as { cart?: { id?: string } } | undefined)?.cart?.id
  if (!cartId) return undefined
  const { data: [cart] } = await query.graph({
    entity: "cart",
    fields: ["id", "currency_code", "total", "shipping_address.postal_code", "shipping_methods.shipping_option_id", "shipping_methods.name", "items.id", "items.total", "items.metadata"],
    filters: { id: cartId },
  })
  return cart as unknown as CartForCod
}

/**
 * Cart total in paise, leaving out a COD fee line already on it (the rules apply to the goods and
 * shipping). Medusa computes this total from tax-inclusive prices, so it can carry digits far below
 * a paisa; it is only compared with the COD limits, so it rounds half up like any reported amount.
 */
export function totalWithoutFeePaise(cart: CartForCod): number {
  const fee = (cart.items ?? []).filter(isFeeLine).reduce((sum, i) => MathBN.add(sum, MathBN.convert(i.total as number)), MathBN.convert(0))
  const total = MathBN.sub(MathBN.convert(cart.total as number), fee)
  return toMinor(total, "inr", "half-up")
}

/** Throws NOT_ALLOWED (400) with the shopper-facing reason when the cart may not be paid cash on delivery. */
export function assertCodEligible(cart: CartForCod, rules: CodRules): void {
  const shippingOptions = (cart.shipping_methods ?? []).map((m) => ({ id: m.shipping_option_id, name: m.name }))
  const decision = checkCodEligibility(
    { currency_code: cart.currency_code, totalPaise: totalWithoutFeePaise(cart), postal_code: cart.shipping_address?.postal_code, shippingOptions },
    rules
  )
  if (!decision.eligible) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, decision.reason)
}

/**
 * Before a COD session is created: refuse an ineligible cart with the reason, and put the COD fee
 * line on it (refreshing the payment collection so the session asks for the new total).
 */
export async function prepareCartForCod(container: MedusaContainer, cart: CartForCod, rules: CodRules): Promise<void> {
  assertCodEligible(cart, rules)
  const feePaise = rules.feePaise ?? 0
  const hasFee = (cart.items ?? []).some(isFeeLine)
  if (feePaise > 0 && !hasFee) {
    const carts = container.resolve(Modules.CART)
    await carts.addLineItems(cart.id, [
      {
        title: COD_FEE_TITLE,
        quantity: 1,
        unit_price: fromMinor(feePaise, "inr"),
        is_custom_price: true,
        is_tax_inclusive: true,
        is_discountable: false,
        requires_shipping: false,
        metadata: { cod_fee: true },
      },
    ])
    await refreshPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
  }
}

/** Another payment method was chosen: the COD fee line goes. */
export async function removeCodFee(container: MedusaContainer, cart: CartForCod): Promise<void> {
  const fees = (cart.items ?? []).filter(isFeeLine)
  if (!fees.length) return
  await container.resolve(Modules.CART).deleteLineItems(fees.map((i) => i.id))
  await refreshPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
}
