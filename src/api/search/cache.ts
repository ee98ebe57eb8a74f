import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ICachingModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { counter } from "@indus/observability"
import { appConfig } from "../../config"
import { searchCacheKey } from "./normalise"

/** Every cached /store/search answer carries this tag; a product change clears it. */
export const SEARCH_CACHE_TAG = "store-search:product"
/** SEARCH_CACHE_TTL: seconds an answer is kept; 0 turns the cache off. */
export const searchCacheTtl = () => appConfig().search.cacheTtlSeconds

const lookups = counter<"result">({
  name: "store_search_cache_lookups_total",
  help: "POST /store/search answers by cache outcome (hit, miss, bypass)",
  labelNames: ["result"],
})

/**
 * Answers repeated identical storefront searches from Medusa's caching module (Redis when
 * REDIS_URL is set). The key is the normalised body plus the key's sales channels, so two
 * storefronts never share an answer. Only 200s are stored. `x-search-cache` says what happened.
 */
export async function storeSearchCache(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const ttl = searchCacheTtl()
  const caching = req.scope.resolve<ICachingModuleService | undefined>(Modules.CACHING, { allowUnregistered: true })
  const channels = (req as any).publishable_key_context?.sales_channel_ids as string[] | undefined
  if (!caching || ttl <= 0 || !channels || req.method !== "POST") {
    res.setHeader("x-search-cache", "off")
    return next()
  }
  const key = searchCacheKey(req.body, channels)
  // `Cache-Control: no-cache` asks for a fresh answer (which then refreshes the cache).
  const bypass = /no-cache/i.test(String(req.headers["cache-control"] ?? ""))
  const cached = bypass ? null : await caching.get({ key }).catch(() => null)
  if (cached) {
    lookups.inc({ result: "hit" })
    res.setHeader("x-search-cache", "hit")
    res.status(200).json(cached)
    return
  }
  lookups.inc({ result: bypass ? "bypass" : "miss" })
  res.setHeader("x-search-cache", bypass ? "bypass" : "miss")
  const send = res.json.bind(res)
  res.json = ((body: object) => {
    if (res.statusCode === 200) {
      void caching
        .set({ key, data: body, ttl, tags: [SEARCH_CACHE_TAG], options: { autoInvalidate: false } })
        .catch(() => undefined)
    }
    return send(body)
  }) as typeof res.json
  next()
}
