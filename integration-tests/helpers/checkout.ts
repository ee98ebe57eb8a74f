import { headers, INDIAN_ADDRESS, type StoreClient } from "./store"

export const US_ADDRESS = {
  first_name: "Test",
  last_name: "Buyer",
  address_1: "1 Market St",
  city: "San Francisco",
  province: "CA",
  postal_code: "94105",
  country_code: "us",
  phone: "+14155550100",
}

/** A cart with items, address and shipping method, and its payment collection: ready for a payment session. */
export async function cartReadyForPayment(
  api: StoreClient,
  key: string,
  opts: { regionId: string; items: { variant_id: string; quantity: number }[]; shippingOptionName: string; address?: Record<string, string> }
) {
  const h = headers(key)
  const address = opts.address ?? INDIAN_ADDRESS
  let { data: { cart } } = await api.post("/store/carts", { region_id: opts.regionId, email: "guest@example.com" }, h)
  for (const item of opts.items) {
    ;({ data: { cart } } = await api.post(`/store/carts/${cart.id}/line-items`, item, h))
  }
  await api.post(`/store/carts/${cart.id}`, { shipping_address: address, billing_address: address }, h)
  const { data: { shipping_options } } = await api.get(`/store/shipping-options?cart_id=${cart.id}`, h)
  const option = shipping_options.find((o: { name: string }) => o.name === opts.shippingOptionName)
  if (!option) throw new Error(`shipping option ${opts.shippingOptionName} not offered`)
  ;({ data: { cart } } = await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id }, h))
  const { data: { payment_collection } } = await api.post("/store/payment-collections", { cart_id: cart.id }, h)
  return { cart, paymentCollectionId: payment_collection.id as string }
}

/** Starts a payment session with the provider (replacing any other) and returns it. */
export async function startPaymentSession(api: StoreClient, key: string, collectionId: string, providerId: string, data?: Record<string, unknown>) {
  const { data: res } = await api.post(
    `/store/payment-collections/${collectionId}/payment-sessions`,
    { provider_id: providerId, ...(data ? { data } : {}) },
    headers(key)
  )
  const session = res.payment_collection.payment_sessions.find((s: { provider_id: string }) => s.provider_id === providerId)
  if (!session) throw new Error(`no ${providerId} session`)
  return session
}

export async function completeCart(api: StoreClient, key: string, cartId: string) {
  const res = await api.post(`/store/carts/${cartId}/complete`, {}, headers(key)).catch((e) => e.response)
  return res
}

/** Polls until `check` returns a truthy value (webhooks are processed asynchronously). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < end) {
    try {
      const v = await check()
      if (v) return v
    } catch (e) {
      last = e
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ""}`)
}
