import type { MedusaContainer } from "@medusajs/framework/types"
import { FeatureFlag, Modules, toCamelCase, upperCaseFirst } from "@medusajs/framework/utils"
import { entityOf, idsOf } from "./events"

type CachingModule = {
  computeTags(input: unknown, options: { entities: { type: string; id: string }[]; operation: string }): Promise<string[]>
  clear(input: { tags: string[]; options: { autoInvalidate: boolean } }): Promise<void>
}

/**
 * With MEDUSA_FF_CACHING on, our misses are built from Query results that Medusa's caching
 * module may still hold for this very event (it clears them from its own subscriber, in no
 * order with ours). Clearing them here first, exactly as its strategy does
 * (@medusajs/caching dist/utils/strategy.js), means no rebuild after our invalidation can read
 * them. A no-op without the flag or the module.
 */
export async function clearMedusaQueryCache(container: MedusaContainer, eventName: string, data: unknown) {
  if (!FeatureFlag.isFeatureEnabled("caching")) return
  const caching = container.resolve(Modules.CACHING, { allowUnregistered: true }) as CachingModule | undefined
  if (!caching) return
  const type = upperCaseFirst(toCamelCase(entityOf(eventName)))
  const operation = eventName.split(".").pop()!
  const tags: string[] = []
  for (const item of Array.isArray(data) ? data : [data]) {
    for (const id of idsOf(item)) tags.push(...(await caching.computeTags(item, { entities: [{ type, id }], operation })))
  }
  if (tags.length) await caching.clear({ tags, options: { autoInvalidate: true } })
}
