import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, FeatureFlag } from "@medusajs/framework/utils"
import { getResponseCache } from "../lib/response-cache"
import { INVALIDATING_EVENTS, invalidationFor } from "../lib/response-cache/events"
import { cacheInvalidations } from "../lib/response-cache/metrics"
import { resolveLookups } from "../lib/response-cache/resolve"

/**
 * Drops the cached store answers a catalog change affects. Runs wherever subscribers run (the
 * worker in a split deployment); the cache lives in Redis, so every server sees the drop.
 * When the affected products cannot be worked out, everything is purged: stale beats never.
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
  const dropped = await store.invalidate(tags)
  cacheInvalidations.inc({ source: "event" }, dropped)

  // With Medusa's caching module on, a miss right now could be rebuilt from a query result it has
  // not cleared yet (it clears on the same event). Dropping the tags once more closes that gap.
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
