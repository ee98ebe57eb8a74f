import { expandSynonyms } from "./synonyms"
import { toMinor } from "@indus/money"

/** What the product index reads through query.graph, for seeding and for ingestion. */
export const PRODUCT_GRAPH_FIELDS = [
  "id", "title", "subtitle", "description", "handle", "thumbnail", "status", "created_at", "updated_at",
  "tags.value", "categories.id", "categories.name", "collection.id", "collection.title", "type.value",
  "sales_channels.id",
  "options.title", "options.values.value",
  "variants.id", "variants.updated_at", "variants.sku", "variants.manage_inventory", "variants.allow_backorder",
  "variants.options.value", "variants.options.option.title",
  "variants.prices.amount", "variants.prices.raw_amount", "variants.prices.currency_code",
  "variants.prices.rules_count", "variants.prices.price_list_id", "variants.prices.updated_at",
  "variants.inventory_items.required_quantity",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
  "variants.inventory_items.inventory.location_levels.updated_at",
]

type Row = Record<string, any>

export type ProductSearchDocument = {
  id: string
  title: string
  subtitle?: string
  description?: string
  handle: string
  thumbnail?: string
  status: string
  created_at?: string
  /** Latest change among the rows the document is built from; see `documentUpdatedAt`. */
  updated_at?: string
  sales_channel_ids: string[]
  tags: string[]
  categories: string[]
  category_ids: string[]
  collection?: string
  collection_id?: string
  type?: string
  skus: string[]
  sizes: string[]
  colours: string[]
  option_values: string[]
  min_price: Record<string, number>
  in_stock: boolean
  keywords: string[]
}

const SIZE_OPTION = /^size$/i
const COLOUR_OPTION = /^colou?r$/i
const compact = <T>(values: (T | null | undefined)[]) => values.filter((v): v is T => v !== null && v !== undefined && v !== "")
const unique = <T>(values: T[]) => [...new Set(values)]

/** A variant is sellable when it is not stock-managed, allows backorders, or every item it needs is available. */
export function variantInStock(variant: Row): boolean {
  if (!variant.manage_inventory || variant.allow_backorder) return true
  const items: Row[] = compact(variant.inventory_items ?? [])
  if (!items.length) return false
  return items.every((item) => {
    const levels: Row[] = compact(item.inventory?.location_levels ?? [])
    const available = levels.reduce((sum, l) => sum + Number(l.stocked_quantity ?? 0) - Number(l.reserved_quantity ?? 0), 0)
    return available >= Number(item.required_quantity ?? 1)
  })
}

/** Lowest plain currency price per currency, in integer minor units (price lists and rule prices excluded). */
export function minPrices(variants: Row[], currencies: string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const variant of variants) {
    for (const price of compact<Row>(variant.prices ?? [])) {
      const currency = String(price.currency_code ?? "").toLowerCase()
      if (!currencies.includes(currency) || price.price_list_id || Number(price.rules_count ?? 0) > 0) continue
      const raw = price.raw_amount?.value ?? price.amount
      if (raw === undefined || raw === null) continue
      const minor = toMinor(String(raw), currency, "half-up")
      if (out[currency] === undefined || minor < out[currency]) out[currency] = minor
    }
  }
  return out
}

function optionValues(variants: Row[], matcher: RegExp): string[] {
  return unique(
    variants.flatMap((v) =>
      compact<Row>(v.options ?? []).filter((o) => matcher.test(o.option?.title ?? "")).map((o) => String(o.value))
    )
  )
}

/**
 * The document's version stamp: the latest `updated_at` of the product, its variants, their
 * prices and their stock levels (reservations change a level's reserved quantity, so they count
 * too). The sync job computes the same maximum in SQL (`CATALOG_STAMPS`) and re-indexes a product
 * whose catalog stamp is newer. A product update alone would miss price and stock changes, which
 * are the most frequent ones.
 */
export function documentUpdatedAt(row: Row): string | undefined {
  let latest = -Infinity
  const see = (value: unknown) => {
    if (value === null || value === undefined) return
    const ms = new Date(value as string).getTime() // NaN never wins the comparison
    if (ms > latest) latest = ms
  }
  see(row.updated_at)
  for (const variant of compact<Row>(row.variants ?? [])) {
    see(variant.updated_at)
    for (const price of compact<Row>(variant.prices ?? [])) see(price.updated_at)
    for (const item of compact<Row>(variant.inventory_items ?? [])) {
      for (const level of compact<Row>(item.inventory?.location_levels ?? [])) see(level.updated_at)
    }
  }
  return latest === -Infinity ? undefined : new Date(latest).toISOString()
}

/** One product graph row → the document the product index stores. */
export function toProductDocument(row: Row, opts: { currencies: string[]; synonyms: string[][] }): ProductSearchDocument {
  const variants: Row[] = compact(row.variants ?? [])
  const tags = unique(compact<Row>(row.tags ?? []).map((t) => String(t.value)))
  const categories = compact<Row>(row.categories ?? [])
  const categoryNames = unique(categories.map((c) => String(c.name)))
  const allOptionValues = unique([
    ...compact<Row>(row.options ?? []).flatMap((o) => compact<Row>(o.values ?? []).map((v) => String(v.value))),
    ...variants.flatMap((v) => compact<Row>(v.options ?? []).map((o) => String(o.value))),
  ])
  const doc: ProductSearchDocument = {
    id: row.id,
    title: row.title,
    handle: row.handle,
    status: row.status,
    sales_channel_ids: unique(compact<Row>(row.sales_channels ?? []).map((sc) => String(sc.id))),
    tags,
    categories: categoryNames,
    category_ids: unique(categories.map((c) => String(c.id))),
    skus: unique(compact(variants.map((v) => v.sku))),
    sizes: optionValues(variants, SIZE_OPTION),
    colours: optionValues(variants, COLOUR_OPTION),
    option_values: allOptionValues,
    min_price: minPrices(variants, opts.currencies),
    in_stock: variants.some(variantInStock),
    keywords: expandSynonyms(
      compact([row.title, row.subtitle, ...categoryNames, ...tags, row.collection?.title, row.type?.value]),
      opts.synonyms
    ),
  }
  if (row.subtitle) doc.subtitle = row.subtitle
  if (row.description) doc.description = row.description
  if (row.thumbnail) doc.thumbnail = row.thumbnail
  if (row.created_at) doc.created_at = new Date(row.created_at).toISOString()
  const updatedAt = documentUpdatedAt(row)
  if (updatedAt) doc.updated_at = updatedAt
  if (row.collection) {
    doc.collection = row.collection.title
    doc.collection_id = row.collection.id
  }
  if (row.type?.value) doc.type = row.type.value
  return doc
}
