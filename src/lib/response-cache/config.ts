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

/** Cache-Control for an answer: CDN-usable when public, never shareable when private. */
export function cacheControlFor(config: ResponseCacheConfig, isPrivate: boolean): string {
  if (isPrivate) return "private, no-cache"
  if (config.cdnMaxAge === 0) return "public, max-age=0, s-maxage=0, must-revalidate"
  const swr = config.cdnStaleWhileRevalidate ? `, stale-while-revalidate=${config.cdnStaleWhileRevalidate}` : ""
  return `public, max-age=0, s-maxage=${config.cdnMaxAge}${swr}`
}
