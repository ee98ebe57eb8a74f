import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { ICachingModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SEARCH_CACHE_TAG } from "../api/search/cache"
import { appConfig } from "../config"
import { PRODUCT_EVENTS } from "../lib/search/product-events"

/**
 * The search ingestion subscriber may still be writing the product when this runs, and a search
 * in between would cache the old answer again; a second clear once ingestion has settled
 * (SEARCH_CACHE_SETTLE_MS, default 2 s) closes that window.
 */
export default async function searchCacheInvalidation({ event, container }: SubscriberArgs<unknown>) {
  const caching = container.resolve<ICachingModuleService | undefined>(Modules.CACHING, { allowUnregistered: true })
  if (!caching) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const clear = () =>
    caching.clear({ tags: [SEARCH_CACHE_TAG] }).catch((e: Error) => logger.warn(`search cache clear failed after ${event.name}: ${e.message}`))
  await clear()
  const settle = appConfig().search.cacheSettleMs
  if (settle > 0) setTimeout(() => void clear(), settle).unref()
}

export const config: SubscriberConfig = {
  event: PRODUCT_EVENTS,
  context: { subscriberId: "search-cache-invalidation" },
}
