import { search } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"

/**
 * The search-postgres integration fixture's fields (3 products; text, keyword, float with
 * value/range/stats facets, integer array, dates, keyword array, object array), as a resolved
 * definition the way the Search Module hands it to a provider.
 */
export const FIXTURE_FIELDS = search.define({
  id: search.keyword().filterable().sortable(),
  title: search.text().searchable({ weight: 3 }).sortable(),
  description: search.text().searchable(),
  handle: search.keyword().filterable().sortable(),
  status: search.keyword().filterable().facetable(),
  min_price: search.float().filterable().sortable().facetable({ types: ["value", "range", "stats"] }),
  sizes: search.integer().array().filterable().facetable({ types: ["value"] }),
  tags: search.keyword().array().searchable().filterable().facetable(),
  in_stock: search.boolean().filterable().facetable(),
  created_at: search.date().filterable().sortable(),
  variants: search.object({ sku: search.keyword().searchable().filterable(), color: search.keyword().filterable().facetable() }).array(),
})

export function resolvedDefinition(
  overrides: Partial<SearchTypes.ResolvedSearchIndexDefinition> = {}
): SearchTypes.ResolvedSearchIndexDefinition {
  return {
    name: "product",
    entity: "product",
    primary_key: "id",
    provider: "search-elasticsearch",
    fields: FIXTURE_FIELDS.toFields() as any,
    settings: {},
    definition_hash: "test",
    physical_name: "product_v1",
    ...overrides,
  } as SearchTypes.ResolvedSearchIndexDefinition
}

export const FIXTURE_DOCUMENTS = [
  {
    id: "prod_1", title: "Running Shoe", description: "A light running shoe for daily training", handle: "running-shoe",
    status: "published", min_price: 49.99, sizes: [40, 41, 42], tags: ["shoes", "sport"], in_stock: true,
    created_at: "2024-01-01T00:00:00.000Z", variants: [{ sku: "SHOE-RED-40", color: "red" }, { sku: "SHOE-BLUE-41", color: "blue" }],
  },
  {
    id: "prod_2", title: "Leather Boot", description: "Waterproof leather boot", handle: "leather-boot",
    status: "draft", min_price: 129.5, sizes: [42, 43], tags: ["shoes", "winter"], in_stock: false,
    created_at: "2024-02-01T00:00:00.000Z", variants: [{ sku: "BOOT-BROWN-42", color: "brown" }],
  },
  {
    id: "prod_3", title: "Sun Hat", description: "Wide brim straw hat", handle: "sun-hat",
    status: "published", min_price: 19, sizes: [], tags: ["summer"], in_stock: true,
    created_at: "2024-03-01T00:00:00.000Z", variants: [{ sku: "HAT-NATURAL", color: "natural" }],
  },
]
