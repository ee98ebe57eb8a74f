import { getResponseCache } from "./index"
import { cacheInvalidations } from "./metrics"
import { listTag } from "./tags"

/** Every cached `GET /store/products/:id/recommendations` answer. */
export const RECOMMENDATIONS_TAG = listTag("recommendations")

/**
 * Drops cached store answers by tag from code that changed data without an event Medusa emits
 * (our jobs, our admin routes). Returns the number dropped; 0 when the cache is off.
 */
export async function invalidateResponseCache(tags: string[], source: "job" | "admin-write"): Promise<number> {
  const { config, store } = getResponseCache()
  if (!config.enabled) return 0
  const dropped = await store.invalidate(tags)
  cacheInvalidations.inc({ source }, dropped)
  return dropped
}
