import { appConfig } from "../../config"
import type { ResponseCacheConfig } from "./config"
import { MemoryStore } from "./memory-store"
import { RedisStore } from "./redis-store"
import type { ResponseCacheStore } from "./store"

export type ResponseCache = { config: ResponseCacheConfig; store: ResponseCacheStore }

let instance: ResponseCache | undefined

/**
 * The process's response cache, built from env on first use. Redis when RESPONSE_CACHE_REDIS_URL
 * or REDIS_URL is set (shared by all processes), a bounded in-memory LRU otherwise.
 */
export function getResponseCache(): ResponseCache {
  if (!instance) {
    const config = appConfig().responseCache
    const store: ResponseCacheStore = config.redisUrl
      ? // Events may have been missed while Redis was away: start clean when it is back.
        new RedisStore({ url: config.redisUrl }, () => void instance?.store.purge().catch(() => {}))
      : new MemoryStore(config.memoryMaxBytes)
    instance = { config, store }
  }
  return instance
}
