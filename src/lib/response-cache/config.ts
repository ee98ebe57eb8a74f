export type ResponseCacheConfig = {
  enabled: boolean
  /** Redis for the cache; undefined: in-process LRU. */
  redisUrl?: string
  ttlSeconds: number
  memoryMaxBytes: number
  /** `s-maxage` for shared caches (CDN) on public answers; 0 = CDN must revalidate every time. */
  cdnMaxAge: number
  cdnStaleWhileRevalidate: number
}

function seconds(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number of seconds, got "${raw}"`)
  return n
}

/**
 * On by default, except under jest (NODE_ENV=test): the integration runner restores the database
 * between tests without any event, so a cache kept across tests would serve answers from an
 * earlier test's data. Suites that test the cache set RESPONSE_CACHE=on.
 */
export function readConfig(env: NodeJS.ProcessEnv): ResponseCacheConfig {
  const mode = (env.RESPONSE_CACHE || (env.NODE_ENV === "test" ? "off" : "on")).toLowerCase()
  if (!["on", "off", "true", "false", ""].includes(mode)) throw new Error(`RESPONSE_CACHE must be on or off, got "${env.RESPONSE_CACHE}"`)
  return {
    enabled: mode !== "off" && mode !== "false",
    redisUrl: env.RESPONSE_CACHE_REDIS_URL || env.REDIS_URL || undefined,
    ttlSeconds: seconds("RESPONSE_CACHE_TTL", env.RESPONSE_CACHE_TTL, 600) || 600,
    memoryMaxBytes: seconds("RESPONSE_CACHE_MEMORY_MB", env.RESPONSE_CACHE_MEMORY_MB, 64) * 1024 * 1024,
    cdnMaxAge: seconds("RESPONSE_CACHE_CDN_MAX_AGE", env.RESPONSE_CACHE_CDN_MAX_AGE, 0),
    cdnStaleWhileRevalidate: seconds("RESPONSE_CACHE_CDN_SWR", env.RESPONSE_CACHE_CDN_SWR, 0),
  }
}

/** Cache-Control for an answer: CDN-usable when public, never shareable when private. */
export function cacheControlFor(config: ResponseCacheConfig, isPrivate: boolean): string {
  if (isPrivate) return "private, no-cache"
  if (config.cdnMaxAge === 0) return "public, max-age=0, s-maxage=0, must-revalidate"
  const swr = config.cdnStaleWhileRevalidate ? `, stale-while-revalidate=${config.cdnStaleWhileRevalidate}` : ""
  return `public, max-age=0, s-maxage=${config.cdnMaxAge}${swr}`
}
