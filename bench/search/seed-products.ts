/**
 * Seeds a throw-away database for bench/search/run.js with N synthetic products, in bulk through
 * the module services (not workflows, not HTTP): products with categories, a collection, tags,
 * Size/Colour options and 2 variants, price sets in inr/usd/eur (integer minor units / 100), and
 * the sales-channel and price-set links.
 *
 *   medusa exec ./bench/search/seed-products.ts <outFile> <count>
 */
import fs from "fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, createSalesChannelsWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/medusa/core-flows"

const BATCH = Number(process.env.BENCH_SEED_BATCH || 1000)
const NOUNS = ["Kurta", "Tee", "T-Shirt", "Shirt", "Hoodie", "Stole", "Tote", "Mug", "Cushion Cover", "Dupatta", "Scarf", "Kurti", "Jacket", "Backpack", "Planter"]
const MATERIALS = ["Cotton", "Linen", "Khadi", "Silk", "Wool", "Denim", "Jute", "Leather", "Stoneware", "Terracotta", "Chanderi", "Ikat"]
const STYLES = ["Block Print", "Handloom", "Embroidered", "Classic", "Oversized", "Festive", "Everyday", "Monsoon", "Vintage", "Organic"]
const COLOURS = ["Indigo", "White", "Black", "Rust", "Sage", "Mustard", "Maroon", "Olive", "Ivory", "Teal"]
const SIZES = ["S", "M", "L", "XL"]
const TAGS = ["cotton", "handmade", "festive", "summer", "winter", "eco", "bestseller", "new", "sale", "gift"]

export default async function seedSearchBench({ container, args }: ExecArgs) {
  const [outFile, countArg] = args ?? []
  const count = Number(countArg || 10000)
  const started = Date.now()
  const log = (m: string) => console.log(`[seed] ${m}`)
  const product = container.resolve(Modules.PRODUCT)
  const pricing = container.resolve(Modules.PRICING)
  const link = container.resolve(ContainerRegistrationKeys.LINK)

  const { result: [channel] } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "Search Bench" }] } })
  const { result: [key] } = await createApiKeysWorkflow(container).run({ input: { api_keys: [{ title: "Search Bench", type: "publishable", created_by: "" }] } })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [channel.id] } })

  const categories = await product.createProductCategories(NOUNS.map((n) => ({ name: `${n}s`, handle: `bench-${n.toLowerCase().replace(/\W+/g, "-")}`, is_active: true })))
  const collections = await product.createProductCollections(STYLES.map((s) => ({ title: `${s} Edit`, handle: `bench-${s.toLowerCase().replace(/\W+/g, "-")}` })))
  const tags = await product.createProductTags(TAGS.map((value) => ({ value })))

  for (let offset = 0; offset < count; offset += BATCH) {
    const t = Date.now()
    const size = Math.min(BATCH, count - offset)
    const input = Array.from({ length: size }, (_, j) => {
      const n = offset + j + 1
      const noun = NOUNS[n % NOUNS.length]
      const material = MATERIALS[(n * 7) % MATERIALS.length]
      const style = STYLES[(n * 3) % STYLES.length]
      const colours = [COLOURS[n % COLOURS.length], COLOURS[(n + 3) % COLOURS.length]]
      const sizeValue = SIZES[n % SIZES.length]
      return {
        title: `${style} ${material} ${noun} ${n}`,
        handle: `bench-${n}`,
        subtitle: `${material} ${noun.toLowerCase()}, ${style.toLowerCase()} style`,
        description: `A ${style.toLowerCase()} ${noun.toLowerCase()} in ${material.toLowerCase()}. Item ${n} of the search benchmark.`,
        status: ProductStatus.PUBLISHED,
        categories: [{ id: categories[n % NOUNS.length].id }],
        collection_id: collections[(n * 3) % STYLES.length].id,
        tag_ids: [tags[n % TAGS.length].id, tags[(n * 5) % TAGS.length].id],
        options: [{ title: "Size", values: [sizeValue] }, { title: "Colour", values: colours }],
        variants: colours.map((c) => ({ title: `${sizeValue} / ${c}`, sku: `BENCH-${n}-${c.toUpperCase()}`, manage_inventory: false, options: { Size: sizeValue, Colour: c } })),
      }
    })
    const created = await product.createProducts(input as any)
    const variants = created.flatMap((p) => p.variants ?? [])
    const priceSets = await pricing.createPriceSets(
      variants.map((_, k) => {
        const rupees = 299 + ((offset + k) % 60) * 50 // ₹299 .. ₹3249
        return {
          prices: [
            { currency_code: "inr", amount: rupees },
            { currency_code: "usd", amount: Math.round(rupees / 83) + 1 },
            { currency_code: "eur", amount: Math.round(rupees / 90) + 1 },
          ],
        }
      })
    )
    await link.create([
      ...variants.map((v, k) => ({ [Modules.PRODUCT]: { variant_id: v.id }, [Modules.PRICING]: { price_set_id: priceSets[k].id } })),
      ...created.map((p) => ({ [Modules.PRODUCT]: { product_id: p.id }, [Modules.SALES_CHANNEL]: { sales_channel_id: channel.id } })),
    ])
    log(`${offset + size}/${count} products (${Date.now() - t} ms)`)
  }
  const seconds = (Date.now() - started) / 1000
  fs.writeFileSync(outFile, JSON.stringify({ publishable_key: key.token, sales_channel_id: channel.id, products: count, seconds }))
  log(`seeded ${count} products in ${seconds.toFixed(1)} s`)
}
