import type { SearchTypes } from "@medusajs/framework/types"

/** What the sync job reads from the product index per document: its id and version stamp. */
export type IndexedStamp = { id: string; updated_at?: number }
export type CatalogStamp = { id: string; updated_at: Date | string }

type Query = {
  entity: string
  fields: string[]
  filters?: Record<string, unknown>
  pagination: { take: number; order: Record<string, "ASC" | "DESC">; cursor?: string }
  search_options: { count: "none" }
}
export type SearchPage = (query: Query) => Promise<Pick<SearchTypes.SearchResult, "hits" | "metadata">>

/**
 * One page of the index walk, sorted by id. With a cursor (engines that hand out `next_cursor`:
 * Elasticsearch's `search_after`) the engine continues after the previous page; otherwise the
 * walk is keyset on id (`id > last`), which search-postgres answers without an OFFSET. Neither
 * way is limited by a result window.
 */
export function indexPageQuery(take: number, from: { cursor?: string; after?: string } = {}): Query {
  return {
    entity: "product",
    fields: ["id", "updated_at"],
    ...(from.after !== undefined && from.cursor === undefined ? { filters: { id: { $gt: from.after } } } : {}),
    pagination: { take, order: { id: "ASC" }, ...(from.cursor !== undefined ? { cursor: from.cursor } : {}) },
    search_options: { count: "none" },
  }
}

const stampOf = (value: unknown): number | undefined => {
  if (value === undefined || value === null) return undefined
  const ms = new Date(value as string).getTime()
  return Number.isNaN(ms) ? undefined : ms
}

/** Every document of the product index, page by page (`take` per request). */
export async function* walkIndex(search: SearchPage, take: number): AsyncGenerator<IndexedStamp[]> {
  let from: { cursor?: string; after?: string } = {}
  for (;;) {
    const { hits, metadata } = await search(indexPageQuery(take, from))
    if (hits.length) yield hits.map((h) => ({ id: h.id, updated_at: stampOf(h.document?.updated_at) }))
    if (hits.length < take) return
    from = metadata?.next_cursor ? { cursor: metadata.next_cursor } : { after: hits[hits.length - 1].id }
  }
}

/**
 * Compares one page of the catalog with what the index holds, removing the page's ids from
 * `indexed` (what is left after the last page is in the index only: extra). Missing: not in the
 * index. Stale: the document's stamp is older than the catalog's, or it has none.
 */
export function comparePage(indexed: Map<string, number | undefined>, catalog: CatalogStamp[]) {
  const missing: string[] = []
  const stale: string[] = []
  for (const row of catalog) {
    if (!indexed.has(row.id)) {
      missing.push(row.id)
      continue
    }
    const indexStamp = indexed.get(row.id)
    indexed.delete(row.id)
    const catalogStamp = stampOf(row.updated_at)
    if (indexStamp === undefined || (catalogStamp !== undefined && catalogStamp > indexStamp)) stale.push(row.id)
  }
  return { missing, stale }
}

/**
 * One keyset page of catalog products with their version stamp: the latest `updated_at` of the
 * product, its variants, their prices and their stock levels, exactly what `documentUpdatedAt`
 * computes from the graph row the index is written from (deleted rows excluded on both sides).
 * Bindings: last id of the previous page ('' for the first), page size.
 */
export const CATALOG_STAMPS = `
with page as (
  select id, updated_at from product where deleted_at is null and id > ? order by id limit ?
), stamps as (
  select id as product_id, updated_at as at from page
  union all
  select v.product_id, v.updated_at from product_variant v join page on page.id = v.product_id where v.deleted_at is null
  union all
  select v.product_id, pr.updated_at
  from product_variant v
  join page on page.id = v.product_id
  join product_variant_price_set vps on vps.variant_id = v.id and vps.deleted_at is null
  join price pr on pr.price_set_id = vps.price_set_id and pr.deleted_at is null
  where v.deleted_at is null
  union all
  select v.product_id, il.updated_at
  from product_variant v
  join page on page.id = v.product_id
  join product_variant_inventory_item vii on vii.variant_id = v.id and vii.deleted_at is null
  join inventory_item ii on ii.id = vii.inventory_item_id and ii.deleted_at is null
  join inventory_level il on il.inventory_item_id = ii.id and il.deleted_at is null
  where v.deleted_at is null
)
select page.id, max(stamps.at) as updated_at
from page join stamps on stamps.product_id = page.id
group by page.id
order by page.id`
