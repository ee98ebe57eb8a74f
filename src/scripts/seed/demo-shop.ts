import path from "path"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCollectionsWorkflow,
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createProductTagsWorkflow,
  createProductTypesWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRatesWorkflow,
  createTaxRegionsWorkflow,
  updateRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { CATEGORIES, COLLECTIONS, PRODUCT_LINES, PRODUCT_TYPES, skuFor, toAmount, variantPrice, wholeUnits } from "./catalog"
import { REGIONS, SHIPPING, STOCK_LOCATION } from "./regions"
import { writeProductImages } from "./product-images"

export type SeedResult = {
  publishable_key: string
  sales_channel_id: string
  region_ids: Record<string, string>
  created_products: number
  product_count: number
}

const SALES_CHANNEL = "Webshop"
const API_KEY_TITLE = "Webshop storefront"

/**
 * Seeds the demo shop. Every step looks up what exists first (by name, handle or
 * code), so running it again, or after a partial run, creates nothing twice.
 */
export async function seedDemoShop(container: MedusaContainer, opts: { backendUrl: string; staticDir?: string }): Promise<SeedResult> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const staticDir = opts.staticDir ?? path.join(process.cwd(), "static")

  const salesChannel = await ensureSalesChannel(container)
  const publishableKey = await ensurePublishableKey(container, salesChannel.id)
  const regionIds = await ensureRegions(container)
  await ensureTaxRegions(container)
  const location = await ensureStockLocation(container, salesChannel.id)
  const shippingProfileId = await ensureShippingProfile(container)
  await ensureShipping(container, location.id, shippingProfileId, regionIds)

  const { data: [store] } = await query.graph({ entity: "store", fields: ["id", "name"] })
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Indus & Co.",
        supported_currencies: [
          { currency_code: "inr", is_default: true, is_tax_inclusive: true },
          { currency_code: "usd" },
          { currency_code: "eur", is_tax_inclusive: true },
        ],
        default_sales_channel_id: salesChannel.id,
        default_region_id: regionIds.in,
        default_location_id: location.id,
      },
    },
  })

  const created = await ensureProducts(container, {
    salesChannelId: salesChannel.id,
    shippingProfileId,
    backendUrl: opts.backendUrl,
    staticDir,
  })
  await ensureInventoryLevels(container, location.id)

  const { metadata } = await query.graph({ entity: "product", fields: ["id"], pagination: { take: 1, skip: 0 } })
  logger.info(`demo seed: ${created} products created, ${metadata?.count} in the catalog`)
  return {
    publishable_key: publishableKey,
    sales_channel_id: salesChannel.id,
    region_ids: regionIds,
    created_products: created,
    product_count: metadata?.count ?? 0,
  }
}

async function ensureSalesChannel(container: MedusaContainer) {
  const scModule = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await scModule.listSalesChannels({ name: SALES_CHANNEL })
  if (existing) return existing
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: SALES_CHANNEL, description: "The storefront" }] },
  })
  return result[0]
}

async function ensurePublishableKey(container: MedusaContainer, salesChannelId: string): Promise<string> {
  const apiKeys = container.resolve(Modules.API_KEY)
  let key = (await apiKeys.listApiKeys({ title: API_KEY_TITLE, type: "publishable" })).find((k) => !k.revoked_at)
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: API_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    key = result[0]
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "api_key",
    fields: ["id", "sales_channels.id"],
    filters: { id: key.id },
  })
  const linked = (data[0]?.sales_channels ?? []).some((sc: { id: string } | null) => sc?.id === salesChannelId)
  if (!linked) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } })
  }
  return key.token
}

async function ensureRegions(container: MedusaContainer): Promise<Record<string, string>> {
  const regionModule = container.resolve(Modules.REGION)
  const registered = await registeredPaymentProviders(container)
  const ids: Record<string, string> = {}
  for (const def of REGIONS) {
    const providers = def.payment_providers.filter((p) => registered.has(p))
    const [existing] = await regionModule.listRegions({ name: def.name })
    if (existing) {
      ids[def.key] = existing.id
      await ensureRegionPaymentProviders(container, existing.id, providers)
      continue
    }
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [{
          name: def.name,
          currency_code: def.currency_code,
          countries: def.countries,
          payment_providers: providers,
          automatic_taxes: true,
          is_tax_inclusive: def.tax_inclusive,
        }],
      },
    })
    ids[def.key] = result[0].id
  }
  return ids
}

async function registeredPaymentProviders(container: MedusaContainer): Promise<Set<string>> {
  const payments = container.resolve(Modules.PAYMENT)
  const providers = await payments.listPaymentProviders({ is_enabled: true }, { take: null })
  return new Set(providers.map((p) => p.id))
}

/** Adds providers configured since the region was created; never removes one staff enabled. */
async function ensureRegionPaymentProviders(container: MedusaContainer, regionId: string, wanted: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [region] } = await query.graph({ entity: "region", fields: ["id", "payment_providers.id"], filters: { id: regionId } })
  const current = (region?.payment_providers ?? []).map((p: { id: string } | null) => p?.id).filter(Boolean) as string[]
  if (wanted.every((p) => current.includes(p))) return
  await updateRegionsWorkflow(container).run({
    input: { selector: { id: regionId }, update: { payment_providers: [...new Set([...current, ...wanted])] } },
  })
}

async function ensureTaxRegions(container: MedusaContainer) {
  const taxModule = container.resolve(Modules.TAX)
  for (const def of REGIONS) {
    for (const country of def.countries) {
      const existing = (await taxModule.listTaxRegions({ country_code: country })).find((r) => !r.parent_id)
      if (existing) continue
      const tax = def.tax[country] ?? def.tax.default
      const { result } = await createTaxRegionsWorkflow(container).run({
        input: [{
          country_code: country,
          provider_id: "tp_system",
          ...(tax ? { default_tax_rate: { name: tax.name, code: tax.code, rate: tax.rate } } : {}),
        }],
      })
      for (const reduced of tax?.reduced ?? []) {
        const types = await ensureProductTypes(container)
        await createTaxRatesWorkflow(container).run({
          input: [{
            tax_region_id: result[0].id,
            name: reduced.name,
            code: reduced.code,
            rate: reduced.rate,
            rules: reduced.product_types.map((t) => ({ reference: "product_type", reference_id: types[t] })),
          }],
        })
      }
    }
  }
}

async function ensureProductTypes(container: MedusaContainer): Promise<Record<string, string>> {
  const productModule = container.resolve(Modules.PRODUCT)
  const existing = (await productModule.listProductTypes({}, { take: null })).filter((t) =>
    (PRODUCT_TYPES as readonly string[]).includes(t.value)
  )
  const missing = PRODUCT_TYPES.filter((v) => !existing.some((t) => t.value === v))
  if (missing.length) {
    const { result } = await createProductTypesWorkflow(container).run({
      input: { product_types: missing.map((value) => ({ value })) },
    })
    existing.push(...result)
  }
  return Object.fromEntries(existing.map((t) => [t.value, t.id]))
}

async function ensureStockLocation(container: MedusaContainer, salesChannelId: string) {
  const locations = container.resolve(Modules.STOCK_LOCATION)
  let [location] = await locations.listStockLocations({ name: STOCK_LOCATION.name })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: { locations: [STOCK_LOCATION] },
    })
    location = result[0]
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannelId] },
    })
  }
  return location
}

async function ensureShippingProfile(container: MedusaContainer): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (profile) return profile.id
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
  })
  return result[0].id
}

async function ensureShipping(
  container: MedusaContainer,
  locationId: string,
  shippingProfileId: string,
  regionIds: Record<string, string>
) {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  let [set] = await fulfillment.listFulfillmentSets(
    { name: SHIPPING.fulfillment_set },
    { relations: ["service_zones", "service_zones.shipping_options"] }
  )
  if (!set) {
    set = await fulfillment.createFulfillmentSets({ name: SHIPPING.fulfillment_set, type: "shipping" })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
      [Modules.FULFILLMENT]: { fulfillment_set_id: set.id },
    })
    set = await fulfillment.retrieveFulfillmentSet(set.id, {
      relations: ["service_zones", "service_zones.shipping_options"],
    })
  }
  for (const region of REGIONS) {
    let zone = set.service_zones.find((z) => z.name === region.name)
    if (!zone) {
      zone = await fulfillment.createServiceZones({
        name: region.name,
        fulfillment_set_id: set.id,
        geo_zones: region.countries.map((country_code) => ({ type: "country" as const, country_code })),
      })
    }
    const existingNames = new Set((zone.shipping_options ?? []).map((o) => o.name))
    const missing = SHIPPING.options[region.key].filter((o) => !existingNames.has(o.name))
    if (!missing.length) continue
    await createShippingOptionsWorkflow(container).run({
      input: missing.map((o) => ({
        name: o.name,
        price_type: "flat" as const,
        provider_id: "manual_manual",
        service_zone_id: zone!.id,
        shipping_profile_id: shippingProfileId,
        type: { label: o.label, description: o.description, code: o.code },
        prices: [
          { currency_code: region.currency_code, amount: wholeUnits(o.price, region.currency_code) },
          { region_id: regionIds[region.key], amount: wholeUnits(o.price, region.currency_code) },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "false", operator: "eq" as const },
        ],
      })),
    })
  }
}

async function ensureTaxonomy(container: MedusaContainer) {
  const productModule = container.resolve(Modules.PRODUCT)

  const categoryIds: Record<string, string> = {}
  for (const cat of CATEGORIES) {
    const [existing] = await productModule.listProductCategories({ handle: cat.handle })
    if (existing) {
      categoryIds[cat.handle] = existing.id
      continue
    }
    const { result } = await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: [{
          name: cat.name,
          handle: cat.handle,
          is_active: true,
          parent_category_id: cat.parent ? categoryIds[cat.parent] : null,
        }],
      },
    })
    categoryIds[cat.handle] = result[0].id
  }

  const collections = await productModule.listProductCollections({ handle: COLLECTIONS.map((c) => c.handle) })
  const missingCollections = COLLECTIONS.filter((c) => !collections.some((e) => e.handle === c.handle))
  if (missingCollections.length) {
    const { result } = await createCollectionsWorkflow(container).run({ input: { collections: missingCollections } })
    collections.push(...result)
  }

  const tagValues = [...new Set(PRODUCT_LINES.flatMap((l) => l.tags))]
  const tags = await productModule.listProductTags({ value: tagValues })
  const missingTags = tagValues.filter((v) => !tags.some((t) => t.value === v))
  if (missingTags.length) {
    const { result } = await createProductTagsWorkflow(container).run({
      input: { product_tags: missingTags.map((value) => ({ value })) },
    })
    tags.push(...result)
  }

  return {
    categoryIds,
    collectionIds: Object.fromEntries(collections.map((c) => [c.handle, c.id])),
    tagIds: Object.fromEntries(tags.map((t) => [t.value, t.id])),
    typeIds: await ensureProductTypes(container),
  }
}

async function ensureProducts(
  container: MedusaContainer,
  opts: { salesChannelId: string; shippingProfileId: string; backendUrl: string; staticDir: string }
): Promise<number> {
  const productModule = container.resolve(Modules.PRODUCT)
  const { categoryIds, collectionIds, tagIds, typeIds } = await ensureTaxonomy(container)
  const existing = await productModule.listProducts(
    { handle: PRODUCT_LINES.map((l) => l.handle) },
    { select: ["handle"], withDeleted: true }
  )
  const have = new Set(existing.map((p) => p.handle))
  const images = new Map(PRODUCT_LINES.map((l) => [l.handle, writeProductImages(l, opts.staticDir, opts.backendUrl)]))
  const missing = PRODUCT_LINES.filter((l) => !have.has(l.handle))
  if (!missing.length) return 0

  const products = missing.map((line) => {
    const urls = images.get(line.handle)!
    const sizes: (string | null)[] = line.sizes ?? [null]
    return {
      title: line.title,
      subtitle: line.subtitle,
      handle: line.handle,
      description: line.description,
      material: line.material,
      status: ProductStatus.PUBLISHED,
      thumbnail: urls[0],
      images: urls.map((url) => ({ url })),
      type_id: typeIds[line.type],
      collection_id: collectionIds[line.collection],
      category_ids: [categoryIds[line.category]],
      tag_ids: line.tags.map((t) => tagIds[t]),
      shipping_profile_id: opts.shippingProfileId,
      weight: line.type === "Home" ? 800 : 350,
      origin_country: "in",
      options: [
        ...(line.sizes ? [{ title: "Size", values: line.sizes }] : []),
        { title: "Colour", values: line.colours },
      ],
      variants: sizes.flatMap((size) =>
        line.colours.map((colour) => {
          const price = variantPrice(line, size)
          return {
            title: [size, colour].filter(Boolean).join(" / "),
            sku: skuFor(line, size, colour),
            manage_inventory: true,
            options: { ...(size ? { Size: size } : {}), Colour: colour },
            prices: [
              { currency_code: "inr", amount: toAmount(price.inr, "inr") },
              { currency_code: "usd", amount: toAmount(price.usd, "usd") },
              { currency_code: "eur", amount: toAmount(price.eur, "eur") },
            ],
          }
        })
      ),
      sales_channels: [{ id: opts.salesChannelId }],
    }
  })
  for (let i = 0; i < products.length; i += 20) {
    await createProductsWorkflow(container).run({ input: { products: products.slice(i, i + 20) } })
  }
  return products.length
}

/** Stock for every inventory item that has none at our warehouse yet; quantities vary but are deterministic. */
async function ensureInventoryLevels(container: MedusaContainer, locationId: string) {
  const inventory = container.resolve(Modules.INVENTORY)
  const items = await inventory.listInventoryItems({}, { select: ["id", "sku"], take: null })
  const levels = await inventory.listInventoryLevels({ location_id: locationId }, { select: ["inventory_item_id"], take: null })
  const stocked = new Set(levels.map((l) => l.inventory_item_id))
  const missing = items.filter((i) => !stocked.has(i.id))
  if (!missing.length) return
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: missing.map((item) => ({
        location_id: locationId,
        inventory_item_id: item.id,
        stocked_quantity: 20 + ([...(item.sku ?? item.id)].reduce((a, c) => a + c.charCodeAt(0), 0) % 81),
      })),
    },
  })
}
