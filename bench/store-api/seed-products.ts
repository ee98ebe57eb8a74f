/**
 * Seeds a throw-away database for the store-api benchmark (bench/store-api/run.js).
 *
 *   medusa exec ./bench/store-api/seed-products.ts [outFile] [productCount]
 *
 * (or env BENCH_SEED_OUT / BENCH_PRODUCTS). Creates a "Bench Store" sales channel, a
 * publishable API key linked to it, a usd region and N published products with a Size
 * option (S/M/L), one variant per size and a usd/eur/inr price per variant. Writes the
 * publishable key token, a sample product id and a few other ids to outFile as JSON.
 *
 * Only for disposable databases: it does not check for earlier runs.
 */
import fs from "fs"
import path from "path"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingProfilesWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"

const BATCH_SIZE = Number(process.env.BENCH_SEED_BATCH || 100)
const SIZES = ["S", "M", "L"] as const

export default async function seedBenchProducts({ container, args }: ExecArgs) {
  const outFile = args?.[0] || process.env.BENCH_SEED_OUT
  const count = Number(args?.[1] || process.env.BENCH_PRODUCTS || 1000)
  if (!outFile) throw new Error("seed-products: pass the output JSON path as the first argument or BENCH_SEED_OUT")
  if (!Number.isInteger(count) || count < 1) throw new Error(`seed-products: bad product count ${args?.[1]}`)

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const log = (msg: string) => console.log(`[seed] ${msg}`)
  const started = Date.now()

  // Shipping profile: the fulfillment module normally ships a "Default Shipping Profile".
  const { data: profiles } = await query.graph({ entity: "shipping_profile", fields: ["id", "type"] })
  let shippingProfileId: string | undefined =
    (profiles.find((p: { type?: string }) => p.type === "default") ?? profiles[0])?.id
  if (!shippingProfileId) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    shippingProfileId = result[0].id
    log(`created shipping profile ${shippingProfileId}`)
  }

  const { result: salesChannels } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Bench Store", description: "store-api benchmark" }] },
  })
  const salesChannelId = salesChannels[0].id

  const { result: apiKeys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Bench Storefront", type: "publishable", created_by: "" }] },
  })
  const apiKey = apiKeys[0]
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: apiKey.id, add: [salesChannelId] },
  })

  const { result: regions } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "Bench US", currency_code: "usd", countries: ["us"] }] },
  })
  const regionId = regions[0].id
  log(`sales channel ${salesChannelId}, publishable key ${apiKey.id}, region ${regionId}`)

  const productIds: string[] = []
  for (let offset = 0; offset < count; offset += BATCH_SIZE) {
    const batchStarted = Date.now()
    const size = Math.min(BATCH_SIZE, count - offset)
    const products = Array.from({ length: size }, (_, j) => {
      const n = offset + j + 1
      const base = 1000 + (n % 50) * 100 // 10.00 .. 59.00 in usd
      return {
        title: `Bench Product ${n}`,
        handle: `bench-product-${n}`,
        description: `Benchmark product number ${n}. A plain cotton tee, regular fit, available in three sizes.`,
        status: ProductStatus.PUBLISHED,
        shipping_profile_id: shippingProfileId,
        sales_channels: [{ id: salesChannelId }],
        options: [{ title: "Size", values: [...SIZES] }],
        variants: SIZES.map((s, k) => ({
          title: `Bench Product ${n} / ${s}`,
          sku: `BENCH-${n}-${s}`,
          options: { Size: s },
          manage_inventory: false,
          prices: [
            { currency_code: "usd", amount: base + k * 100 },
            { currency_code: "eur", amount: Math.round((base + k * 100) * 0.92) },
            { currency_code: "inr", amount: (base + k * 100) * 83 },
          ],
        })),
      }
    })
    const { result } = await createProductsWorkflow(container).run({ input: { products } })
    productIds.push(...result.map((p) => p.id))
    log(`products ${offset + size}/${count} (batch ${Date.now() - batchStarted} ms)`)
  }

  const { metadata } = await query.graph({
    entity: "product",
    fields: ["id"],
    filters: { status: ProductStatus.PUBLISHED },
    pagination: { skip: 0, take: 1 },
  })
  const published = metadata?.count ?? -1
  if (published < count) throw new Error(`seed-products: expected ${count} published products, found ${published}`)

  const out = {
    publishable_key: apiKey.token,
    publishable_key_id: apiKey.id,
    sales_channel_id: salesChannelId,
    region_id: regionId,
    shipping_profile_id: shippingProfileId,
    product_id: productIds[Math.floor(productIds.length / 2)],
    product_ids: productIds,
    products: productIds.length,
    variants_per_product: SIZES.length,
    seconds: (Date.now() - started) / 1000,
  }
  fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true })
  fs.writeFileSync(outFile, JSON.stringify(out, null, 2))
  log(`seeded ${productIds.length} products in ${out.seconds.toFixed(1)} s -> ${outFile}`)
}
