import { counter } from "@indus/observability"

export type CacheResult = "hit" | "miss" | "coalesced" | "bypass" | "error"

export const cacheRequests = counter<"result" | "resource">({
  name: "store_response_cache_requests_total",
  help: "Store API reads seen by the response cache, by result (hit, miss, coalesced, bypass, error) and resource",
  labelNames: ["result", "resource"],
})

export const cacheInvalidations = counter<"source">({
  name: "store_response_cache_invalidated_entries_total",
  help: "Cached store answers dropped, by source (event, admin-write, job)",
  labelNames: ["source"],
})

/** Totals of this process since start, for the admin page. */
export async function processTotals() {
  const totals: Record<CacheResult, number> = { hit: 0, miss: 0, coalesced: 0, bypass: 0, error: 0 }
  for (const v of (await cacheRequests.get()).values) {
    const r = v.labels.result as CacheResult
    if (r in totals) totals[r] += v.value
  }
  const served = totals.hit + totals.coalesced + totals.miss
  return { ...totals, hit_rate: served ? (totals.hit + totals.coalesced) / served : null }
}
