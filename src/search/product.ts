import { defineSearchIndex, graphConsume, graphSeed, search } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { readAppConfig } from "../config"
import { PRODUCT_GRAPH_FIELDS, toProductDocument } from "../lib/search/product-document"
import { PRODUCT_EVENTS, resolveProductIds } from "../lib/search/product-events"
import { configuredSynonyms } from "../lib/search/synonyms"

// Read when the index definition loads (at start), like the schema it shapes: SEARCH_PRICE_CURRENCIES.
const currencies = readAppConfig().search.priceCurrencies
const synonyms = configuredSynonyms()

const priceField = () =>
  search.integer().filterable().sortable().facetable({ types: ["range", "stats"] })

/**
 * The admin's "Reindex" form sends entity ids as `filters: { ids }`; products are read by `id`.
 */
export function productSeedFilters(filters?: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!filters || !("ids" in filters)) return filters
  const { ids, ...rest } = filters
  return { ...rest, id: ids }
}

const transform = async (rows: Record<string, any>[]) =>
  rows.map((row) => toProductDocument(row, { currencies, synonyms })) as any[]

const seedProducts = graphSeed({ fields: PRODUCT_GRAPH_FIELDS, transform, batch_size: 200 })

/**
 * The storefront and admin-palette product index. `status` and `sales_channel_ids` are
 * top-level and filterable, so POST /store/search scopes hits to published products in the
 * publishable key's sales channels. Prices are integer minor units per currency.
 */
export default defineSearchIndex({
  name: "product",
  entity: "product",
  fields: search.define({
    id: search.keyword().filterable().sortable(),
    title: search.text().searchable({ weight: 3 }).sortable(),
    subtitle: search.text().searchable({ weight: 2 }),
    description: search.text().searchable(),
    handle: search.keyword().filterable(),
    thumbnail: search.keyword(),
    status: search.keyword().filterable().facetable(),
    created_at: search.date().filterable().sortable(),
    updated_at: search.date().filterable().sortable(),
    sales_channel_ids: search.keyword().array().filterable(),
    tags: search.keyword().array().searchable().filterable().facetable(),
    categories: search.keyword().array().searchable({ weight: 2 }).filterable().facetable(),
    category_ids: search.keyword().array().filterable().facetable(),
    collection: search.keyword().searchable().filterable().facetable(),
    collection_id: search.keyword().filterable().facetable(),
    type: search.keyword().filterable().facetable(),
    skus: search.keyword().array().searchable().filterable(),
    sizes: search.keyword().array().filterable().facetable(),
    colours: search.keyword().array().searchable().filterable().facetable(),
    option_values: search.keyword().array().searchable().filterable(),
    min_price: search.object(Object.fromEntries(currencies.map((c) => [c, priceField()]))),
    in_stock: search.boolean().filterable().facetable(),
    keywords: search.text().array().searchable().retrievable(false),
  }),
  events: PRODUCT_EVENTS,
  consume: graphConsume({
    fields: PRODUCT_GRAPH_FIELDS,
    resolve_ids: (event, ctx) => resolveProductIds(event as any, ctx as SearchTypes.SearchIngestionContext),
    is_delete: (event) => event.name === "product.deleted",
    transform,
  }),
  seed: (ctx) => seedProducts({ ...ctx, filters: productSeedFilters(ctx.filters) }),
})
