import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, FeatureFlag } from "@medusajs/framework/utils"
import { getResponseCache } from "../lib/response-cache"
import { INVALIDATING_EVENTS, invalidationFor } from "../lib/response-cache/events"
import { clearMedusaQueryCache } from "../lib/response-cache/medusa-caching"
import { cacheInvalidations } from "../lib/response-cache/metrics"
import { resolveLookups } from "../lib/response-cache/resolve"

/**
 * Drops the cached store answers a catalog change affects. Runs wherever subscribers run (the
 * worker in a split deployment); the cache lives in Redis, so every server sees the drop.
 * When the affected products cannot be worked out, everything is purged: dropping too much
 * beats serving a stale price.
 */
export default async function responseCacheInvalidation({ event, container }: SubscriberArgs<unknown>) {
  const { config, store } = getResponseCache()
  if (!config.enabled) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { tags, lookups } = invalidationFor(event.name, event.data)
  try {
    tags.push(...(await resolveLookups(container, lookups)))
  } catch (e) {
    logger.warn(`response-cache: could not resolve ${event.name} to products (${(e as Error).message}); purging`)
    await store.purge()
    return
  }
  if (!tags.length) return
  try {
    await clearMedusaQueryCache(container, event.name, event.data)
  } catch (e) {
    logger.warn(`response-cache: could not clear Medusa's query cache for ${event.name}: ${(e as Error).message}`)
  }
  const dropped = await store.invalidate(tags)
  cacheInvalidations.inc({ source: "event" }, dropped)

  // Belt and braces with Medusa's caching module on: an earlier event's query result that its
  // tags did not cover is dropped by a second pass.
  if (FeatureFlag.isFeatureEnabled("caching")) {
    const again = setTimeout(() => {
      store.invalidate(tags).then((n) => cacheInvalidations.inc({ source: "event" }, n), () => store.purge().catch(() => {}))
    }, SECOND_PASS_MS)
    again.unref()
  }
}

/** Delay of the second invalidation when MEDUSA_FF_CACHING is on. */
const SECOND_PASS_MS = 1000

export const config: SubscriberConfig = {
  event: INVALIDATING_EVENTS,
  context: { subscriberId: "response-cache-invalidation" },
}
