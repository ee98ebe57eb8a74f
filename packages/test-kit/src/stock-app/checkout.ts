import { MedusaHttp } from "./http"
import type { MinimalShop } from "./minimal-shop"

export const TEST_ADDRESS = {
  first_name: "Asha",
  last_name: "Verma",
  address_1: "12 MG Road",
  city: "Jaipur",
  province: "RJ",
  postal_code: "302001",
  country_code: "in",
  phone: "+919800000000",
}

/** A guest cart with one line and the shipping option, ready for a payment session. */
export async function cartReadyForPayment(store: MedusaHttp, shop: MinimalShop, { quantity = 1, email = "guest@example.com", address = TEST_ADDRESS } = {}) {
  const { cart } = await store.post("/store/carts", { region_id: shop.regionId, email, shipping_address: address, billing_address: address })
  await store.post(`/store/carts/${cart.id}/line-items`, { variant_id: shop.variantId, quantity })
  await store.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: shop.shippingOptionId })
  const { payment_collection } = await store.post("/store/payment-collections", { cart_id: cart.id })
  return { cartId: cart.id as string, paymentCollectionId: payment_collection.id as string }
}

/** A guest order paid with `providerId`: cart, payment session, completion. Returns the order. */
export async function placeOrder(baseUrl: string, shop: MinimalShop, providerId = "pp_system_default", data?: Record<string, unknown>) {
  const store = new MedusaHttp(baseUrl, { "x-publishable-api-key": shop.publishableKey })
  const { cartId, paymentCollectionId } = await cartReadyForPayment(store, shop)
  await store.post(`/store/payment-collections/${paymentCollectionId}/payment-sessions`, { provider_id: providerId, data })
  const done = await store.post(`/store/carts/${cartId}/complete`)
  if (done.type !== "order") throw new Error(`cart not completed: ${JSON.stringify(done).slice(0, 500)}`)
  return done.order
}
