import type { MedusaContainer, SearchTypes } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { scheduledJob } from "@indus/observability"
import { readAppConfig } from "../config"
import { CATALOG_STAMPS, comparePage, walkIndex, type CatalogStamp } from "../lib/jobs/search-drift"

const INDEX_PAGE = 1000
const CATALOG_PAGE = 1000
const INGEST_BATCH = 100

export type SearchSyncResult = { catalog: number; indexed: number; missing: number; stale: number; extra: number; ms: number }

/**
 * Reconciles the product index with the catalog. The index is walked once (id → version stamp;
 * ~100 bytes per product in memory), the catalog in keyset pages. Products missing from the index
 * or with an older stamp are written again and documents of deleted products removed, through
 * the index's own consume path (`ingest`), so documents come out exactly as live events write them.
 * The index holds every non-deleted product (drafts and all channels: `/store/search` filters on
 * status and channels), so "extra" means deleted from the catalog.
 */
export async function syncSearchIndex(container: MedusaContainer): Promise<SearchSyncResult> {
  const started = Date.now()
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const search = container.resolve<SearchTypes.ISearchModuleService>(Modules.SEARCH)

  const indexed = new Map<string, number | undefined>()
  for await (const page of walkIndex((q) => search.search(q as any), INDEX_PAGE)) {
    for (const doc of page) indexed.set(doc.id, doc.updated_at)
  }
  const indexedCount = indexed.size

  const reindex = async (ids: string[]) => {
    for (let i = 0; i < ids.length; i += INGEST_BATCH) {
      await search.ingest({ name: "product.updated", data: ids.slice(i, i + INGEST_BATCH).map((id) => ({ id })) } as any)
    }
  }
  let catalog = 0
  let missing = 0
  let stale = 0
  for (let after = ""; ; ) {
    const { rows } = (await db.raw(CATALOG_STAMPS, [after, CATALOG_PAGE])) as { rows: CatalogStamp[] }
    if (!rows.length) break
    catalog += rows.length
    const drift = comparePage(indexed, rows)
    missing += drift.missing.length
    stale += drift.stale.length
    await reindex([...drift.missing, ...drift.stale])
    if (rows.length < CATALOG_PAGE) break
    after = rows[rows.length - 1].id
  }
  const extra = [...indexed.keys()]
  for (const id of extra) await search.ingest({ name: "product.deleted", data: { id } } as any)
  return { catalog, indexed: indexedCount, missing, stale, extra: extra.length, ms: Date.now() - started }
}

export default scheduledJob("search-sync", async (container, { logger }) => {
  const r = await syncSearchIndex(container)
  logger.info(
    `job search-sync: catalog ${r.catalog}, index ${r.indexed}; re-indexed ${r.missing} missing and ${r.stale} stale, removed ${r.extra} extra (${r.ms} ms)`
  )
})

export const config = {
  name: "search-sync",
  schedule: readAppConfig().search.syncCron,
}
