import Redis from "ioredis"
import { RedisBuildLocks, type BuildLockOptions } from "./build-lock"
import { ALL_TAG, decodeEntry, encodeEntry, type CachedEntry, type Lookup, type ResponseCacheStore } from "./store"

/**
 * Redis layout (prefix `rc:` by default), shared by every server and worker process:
 *   rc:e:<key>   entry: JSON header line + body bytes, EX ttl
 *   rc:t:<tag>   set of entry keys carrying the tag, expires with its longest entry
 *   rc:v:<tag>   invalidation clock value when the tag was last invalidated
 *   rc:clock     counter bumped by every invalidation
 *   rc:l:<key>   build lock (token, PX), see build-lock.ts; rc:built is its pub/sub channel
 * The scripts touch keys they compute, so this needs a single Redis (not Cluster).
 */
const SET_SCRIPT = `
local prefix, since, ttl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
for i = 5, #ARGV do
  local v = redis.call('GET', prefix .. 'v:' .. ARGV[i])
  if v and tonumber(v) > since then return 0 end
end
redis.call('SET', KEYS[1], ARGV[4], 'EX', ttl)
for i = 6, #ARGV do
  local t = prefix .. 't:' .. ARGV[i]
  redis.call('SADD', t, KEYS[1])
  if redis.call('TTL', t) < ttl then redis.call('EXPIRE', t, ttl) end
end
return 1`

const INVALIDATE_SCRIPT = `
local prefix, keepVersions = ARGV[1], tonumber(ARGV[2])
local now = redis.call('INCR', prefix .. 'clock')
local dropped = 0
for i = 3, #ARGV do
  redis.call('SET', prefix .. 'v:' .. ARGV[i], now, 'EX', keepVersions)
  local t = prefix .. 't:' .. ARGV[i]
  local members = redis.call('SMEMBERS', t)
  for _, k in ipairs(members) do dropped = dropped + redis.call('UNLINK', k) end
  redis.call('UNLINK', t)
end
return dropped`

/** How long a tag's invalidation is remembered: longer than any build can take. */
const VERSION_TTL_S = 600

export type RedisStoreOptions = { url: string; prefix?: string; commandTimeoutMs?: number; buildLocks?: BuildLockOptions }

export class RedisStore implements ResponseCacheStore {
  readonly kind = "redis" as const
  readonly client: Redis
  readonly buildLocks: RedisBuildLocks
  private readonly prefix: string
  private wasDown = false

  constructor(opts: RedisStoreOptions, private readonly onReconnect?: () => void) {
    this.prefix = opts.prefix ?? "rc:"
    this.client = new Redis(opts.url, {
      // Fail fast while Redis is away: the caller answers uncached instead of waiting.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: opts.commandTimeoutMs ?? 500,
      lazyConnect: false,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    })
    this.client.on("error", () => {
      this.wasDown = true
    })
    this.client.on("ready", () => {
      if (this.wasDown) {
        this.wasDown = false
        this.onReconnect?.()
      }
    })
    this.client.defineCommand("rcSet", { numberOfKeys: 1, lua: SET_SCRIPT })
    this.client.defineCommand("rcInvalidate", { numberOfKeys: 0, lua: INVALIDATE_SCRIPT })
    this.buildLocks = new RedisBuildLocks(this.client, this.prefix, opts.buildLocks)
  }

  async lookup(key: string): Promise<Lookup> {
    const [raw, clock] = await this.client.mgetBuffer(this.entryKey(key), `${this.prefix}clock`)
    const entry = raw ? decodeEntry(raw) : undefined
    return { entry, clock: clock ? Number(clock.toString()) : 0 }
  }

  async set(key: string, entry: CachedEntry, tags: string[], ttlSeconds: number, since: number) {
    const stored = await (this.client as any).rcSet(
      this.entryKey(key), this.prefix, since, Math.max(1, Math.round(ttlSeconds)), encodeEntry(entry), ALL_TAG, ...tags
    )
    return stored === 1
  }

  async invalidate(tags: string[]) {
    if (!tags.length) return 0
    return Number(await (this.client as any).rcInvalidate(this.prefix, VERSION_TTL_S, ...tags))
  }

  async purge() {
    // Mark first, so builds running now are not stored afterwards; then drop every key.
    await (this.client as any).rcInvalidate(this.prefix, VERSION_TTL_S, ALL_TAG)
    for (const pattern of [`${this.prefix}e:*`, `${this.prefix}t:*`]) {
      let cursor = "0"
      do {
        const [next, keys] = await this.client.scan(cursor, "MATCH", pattern, "COUNT", 500)
        if (keys.length) await this.client.unlink(...keys)
        cursor = next
      } while (cursor !== "0")
    }
  }

  async size() {
    let count = 0
    let cursor = "0"
    do {
      const [next, keys] = await this.client.scan(cursor, "MATCH", `${this.prefix}e:*`, "COUNT", 1000)
      count += keys.length
      cursor = next
    } while (cursor !== "0")
    return count
  }

  async close() {
    await this.buildLocks.close()
    this.client.disconnect()
  }

  private entryKey(key: string) {
    return `${this.prefix}e:${key}`
  }
}
