import { env } from "@indus/plugin-options"
import { shapes, type EnvOf } from "./schemas"

/** Search engine options and the store search answer cache (docs/search.md). */
export const SEARCH_ENV = {
  ELASTICSEARCH_SEARCH_TIMEOUT_MS: env.int({ min: 1 }),
  SEARCH_PRICE_CURRENCIES: env.list(),
  SEARCH_CACHE_TTL: env.int({ min: 0 }),
  SEARCH_CACHE_SETTLE_MS: env.int({ min: 0 }),
  SEARCH_SYNC_CRON: shapes.cron(),
}

export function searchConfig(e: EnvOf<typeof SEARCH_ENV>) {
  const currencies = (e.SEARCH_PRICE_CURRENCIES ?? []).map((c) => c.toLowerCase())
  return {
    /** undefined: the Elasticsearch provider's own default. */
    elasticsearchTimeoutMs: e.ELASTICSEARCH_SEARCH_TIMEOUT_MS,
    /** Currencies that get a price facet. */
    priceCurrencies: currencies.length ? currencies : ["inr", "usd", "eur"],
    /** Seconds a store search answer is cached; 0: not cached. */
    cacheTtlSeconds: e.SEARCH_CACHE_TTL ?? 300,
    /** Wait after a catalog change before the cache is dropped, so re-indexing has landed. */
    cacheSettleMs: e.SEARCH_CACHE_SETTLE_MS ?? 2000,
    syncCron: e.SEARCH_SYNC_CRON ?? "30 * * * *",
  }
}
