import type { MedusaContainer, SearchTypes } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { cronFromEnv, scheduledJob } from "../lib/jobs/scheduled-job"
import { diffIds } from "../lib/jobs/search-drift"

const PAGE = 500

/** Every id the product index holds, paged through the Search Module (provider-neutral). */
async function indexedIds(search: SearchTypes.ISearchModuleService): Promise<string[]> {
  const ids: string[] = []
  for (let skip = 0; ; skip += PAGE) {
    const { hits } = await search.search({ entity: "product", fields: ["id"], pagination: { skip, take: PAGE, order: { id: "ASC" } } as any })
    ids.push(...hits.map((h) => h.id))
    if (hits.length < PAGE) return ids
  }
}

/**
 * Compares the catalog's product ids with the product index and repairs the drift: missing
 * products are written again and stale documents removed, through the index's own consume path
 * (`ingest`), so documents come out exactly as the event-driven path writes them.
 */
export async function syncSearchIndex(container: MedusaContainer) {
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const search = container.resolve<SearchTypes.ISearchModuleService>(Modules.SEARCH)
  const { rows } = await db.raw(`select id from product where deleted_at is null`)
  const catalog = (rows as { id: string }[]).map((r) => r.id)
  const indexed = await indexedIds(search)
  const { missing, stale } = diffIds(catalog, indexed)
  for (let i = 0; i < missing.length; i += 100) {
    await search.ingest({ name: "product.updated", data: missing.slice(i, i + 100).map((id) => ({ id })) } as any)
  }
  for (const id of stale) await search.ingest({ name: "product.deleted", data: { id } } as any)
  return { catalog: catalog.length, indexed: indexed.length, added: missing.length, removed: stale.length }
}

export default scheduledJob("search-sync", async (container, { logger }) => {
  const r = await syncSearchIndex(container)
  logger.info(`job search-sync: catalog ${r.catalog}, index ${r.indexed}; re-indexed ${r.added}, removed ${r.removed}`)
})

export const config = {
  name: "search-sync",
  schedule: cronFromEnv(process.env.SEARCH_SYNC_CRON, "30 * * * *"),
}
