import type { MedusaHttp } from "./http"

export type MinimalShop = {
  publishableKey: string
  salesChannelId: string
  regionId: string
  shippingOptionId: string
  productId: string
  variantId: string
  /** the variant's price in major units, as the admin API takes it */
  price: number
}

export type MinimalShopOptions = {
  currency?: string
  country?: string
  /** payment providers enabled in the region, e.g. ["pp_system_default", "pp_cod_cod"] */
  paymentProviders?: string[]
  price?: number
  shippingPrice?: number
}

/**
 * The least a shop needs to take an order, made through the admin API as staff would: the store's
 * currency, one region, a stock location with manual fulfilment and a shipping option, and one
 * published product in the default sales channel, whose publishable key it returns.
 */
export async function setUpMinimalShop(admin: MedusaHttp, opts: MinimalShopOptions = {}): Promise<MinimalShop> {
  const currency = opts.currency ?? "inr"
  const country = opts.country ?? "in"
  const price = opts.price ?? 1000
  const { stores } = await admin.get("/admin/stores")
  const store = stores[0]
  await admin.post(`/admin/stores/${store.id}`, { supported_currencies: [{ currency_code: currency, is_default: true }] })
  const salesChannelId = store.default_sales_channel_id as string

  const { region } = await admin.post("/admin/regions", {
    name: `Region ${country.toUpperCase()}`,
    currency_code: currency,
    countries: [country],
    payment_providers: opts.paymentProviders ?? ["pp_system_default"],
  })

  const { stock_location } = await admin.post("/admin/stock-locations", { name: "Warehouse", address: { address_1: "1 Test Road", city: "Jaipur", country_code: country } })
  await admin.post(`/admin/stock-locations/${stock_location.id}/sales-channels`, { add: [salesChannelId] })
  await admin.post(`/admin/stock-locations/${stock_location.id}/fulfillment-providers`, { add: ["manual_manual"] })
  const { stock_location: withSet } = await admin.post(`/admin/stock-locations/${stock_location.id}/fulfillment-sets?fields=*fulfillment_sets`, { name: "Shipping", type: "shipping" })
  const fulfillmentSetId = withSet.fulfillment_sets[0].id
  const { fulfillment_set } = await admin.post(`/admin/fulfillment-sets/${fulfillmentSetId}/service-zones`, { name: "Everywhere", geo_zones: [{ type: "country", country_code: country }] })
  const serviceZoneId = fulfillment_set.service_zones[0].id

  const { shipping_profiles } = await admin.get("/admin/shipping-profiles?type=default")
  const profile = shipping_profiles[0] ?? (await admin.post("/admin/shipping-profiles", { name: "Default", type: "default" })).shipping_profile

  const { shipping_option } = await admin.post("/admin/shipping-options", {
    name: "Standard",
    service_zone_id: serviceZoneId,
    shipping_profile_id: profile.id,
    provider_id: "manual_manual",
    price_type: "flat",
    type: { label: "Standard", description: "3-5 days", code: "standard" },
    prices: [{ currency_code: currency, amount: opts.shippingPrice ?? 50 }],
    rules: [
      { attribute: "enabled_in_store", operator: "eq", value: "true" },
      { attribute: "is_return", operator: "eq", value: "false" },
    ],
  })

  const { product } = await admin.post("/admin/products", {
    title: "Test Kurta",
    status: "published",
    shipping_profile_id: profile.id,
    options: [{ title: "Size", values: ["M"] }],
    variants: [{ title: "M", sku: `KURTA-M-${Date.now()}`, options: { Size: "M" }, manage_inventory: false, prices: [{ currency_code: currency, amount: price }] }],
    sales_channels: [{ id: salesChannelId }],
  })

  const { api_keys } = await admin.get("/admin/api-keys?type=publishable")
  return {
    publishableKey: api_keys[0].token,
    salesChannelId,
    regionId: region.id,
    shippingOptionId: shipping_option.id,
    productId: product.id,
    variantId: product.variants[0].id,
    price,
  }
}
