import type { Turn } from "./build-lock"

/** One cached answer: the exact bytes sent and their validator. */
export type CachedEntry = {
  etag: string
  body: Buffer
  createdAt: number
}

export type Lookup = {
  entry?: CachedEntry
  /** Invalidation clock when the lookup ran; pass it to set() so a build that raced an invalidation is dropped. */
  clock: number
}

/**
 * Storage for cached answers with tag invalidation. Every method may throw when the backend
 * is unavailable; callers degrade to uncached answers.
 */
export interface ResponseCacheStore {
  readonly kind: "redis" | "memory"
  /** Cross-process coalescing (Redis only); without it, builds are coalesced per process. */
  readonly buildLocks?: { takeTurn(key: string, lookup: () => Promise<Lookup>): Promise<Turn> }
  lookup(key: string): Promise<Lookup>
  /**
   * Stores the entry unless one of its tags was invalidated after `since` (the build read
   * data that may already be stale). Returns whether it was stored.
   */
  set(key: string, entry: CachedEntry, tags: string[], ttlSeconds: number, since: number): Promise<boolean>
  /** Drops every entry carrying one of the tags; returns how many entries were dropped. */
  invalidate(tags: string[]): Promise<number>
  /** Drops everything. */
  purge(): Promise<void>
  /** Number of cached entries (approximate for Redis). */
  size(): Promise<number>
  close(): Promise<void>
}

/** The pseudo-tag every entry carries implicitly; invalidating it is a purge. */
export const ALL_TAG = "*"

export function encodeEntry(entry: CachedEntry): Buffer {
  const header = Buffer.from(JSON.stringify({ etag: entry.etag, createdAt: entry.createdAt }) + "\n")
  return Buffer.concat([header, entry.body])
}

export function decodeEntry(raw: Buffer): CachedEntry | undefined {
  const nl = raw.indexOf(10)
  if (nl < 0) return undefined
  try {
    const header = JSON.parse(raw.subarray(0, nl).toString("utf8"))
    return { etag: header.etag, createdAt: header.createdAt, body: raw.subarray(nl + 1) }
  } catch {
    return undefined
  }
}
