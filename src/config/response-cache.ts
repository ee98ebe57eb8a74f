import { env } from "@indus/plugin-options"
import type { ResponseCacheConfig } from "../lib/response-cache/config"
import type { EnvOf } from "./schemas"

/** The store response cache (docs/response-cache.md). */
export const RESPONSE_CACHE_ENV = {
  NODE_ENV: env.string(),
  RESPONSE_CACHE: env.bool(),
  RESPONSE_CACHE_REDIS_URL: env.string(),
  REDIS_URL: env.string(),
  RESPONSE_CACHE_TTL: env.int({ min: 0 }),
  RESPONSE_CACHE_MEMORY_MB: env.int({ min: 0 }),
  RESPONSE_CACHE_CDN_MAX_AGE: env.int({ min: 0 }),
  RESPONSE_CACHE_CDN_SWR: env.int({ min: 0 }),
}

/**
 * On by default, except under jest (NODE_ENV=test): the integration runner restores the database
 * between tests without any event, so a cache kept across tests would serve answers from an
 * earlier test's data. Suites that test the cache set RESPONSE_CACHE=on.
 */
export function responseCacheConfig(e: EnvOf<typeof RESPONSE_CACHE_ENV>): ResponseCacheConfig {
  return {
    enabled: e.RESPONSE_CACHE ?? e.NODE_ENV !== "test",
    redisUrl: e.RESPONSE_CACHE_REDIS_URL ?? e.REDIS_URL,
    ttlSeconds: e.RESPONSE_CACHE_TTL || 600,
    memoryMaxBytes: (e.RESPONSE_CACHE_MEMORY_MB ?? 64) * 1024 * 1024,
    cdnMaxAge: e.RESPONSE_CACHE_CDN_MAX_AGE ?? 0,
    cdnStaleWhileRevalidate: e.RESPONSE_CACHE_CDN_SWR ?? 0,
  }
}
