import type { AxiosInstance } from "axios"

export type StoreClient = Pick<AxiosInstance, "get" | "post">

export const headers = (publishableKey: string) => ({ headers: { "x-publishable-api-key": publishableKey } })

export const INDIAN_ADDRESS = {
  first_name: "Test",
  last_name: "Shopper",
  address_1: "12 MG Road",
  city: "Bengaluru",
  province: "KA",
  postal_code: "560001",
  country_code: "in",
  phone: "+919800000000",
}

export async function findVariant(api: StoreClient, key: string, handle: string, regionId: string) {
  const { data } = await api.get(
    `/store/products?handle=${handle}&region_id=${regionId}&fields=id,title,*variants,*variants.calculated_price`,
    headers(key)
  )
  const product = data.products[0]
  if (!product) throw new Error(`product ${handle} not found`)
  return { product, variant: product.variants[0] }
}

/**
 * A guest checkout through the store API, as a storefront does it:
 * cart, items, address, shipping method, payment session, complete.
 */
export async function guestCheckout(
  api: StoreClient,
  key: string,
  opts: { regionId: string; items: { variant_id: string; quantity: number }[]; shippingOptionName: string }
) {
  const h = headers(key)
  let { data: { cart } } = await api.post("/store/carts", { region_id: opts.regionId, email: "guest@example.com" }, h)
  for (const item of opts.items) {
    ;({ data: { cart } } = await api.post(`/store/carts/${cart.id}/line-items`, item, h))
  }
  ;({ data: { cart } } = await api.post(
    `/store/carts/${cart.id}`,
    { shipping_address: INDIAN_ADDRESS, billing_address: INDIAN_ADDRESS },
    h
  ))
  const { data: { shipping_options } } = await api.get(`/store/shipping-options?cart_id=${cart.id}`, h)
  const option = shipping_options.find((o: { name: string }) => o.name === opts.shippingOptionName)
  if (!option) throw new Error(`shipping option ${opts.shippingOptionName} not offered`)
  await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id }, h)
  const { data: { payment_collection } } = await api.post("/store/payment-collections", { cart_id: cart.id }, h)
  await api.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    h
  )
  const { data: completed } = await api.post(`/store/carts/${cart.id}/complete`, {}, h)
  if (completed.type !== "order") throw new Error(`cart did not complete: ${JSON.stringify(completed.error ?? completed)}`)
  return { cart, order: completed.order, shippingOption: option }
}
