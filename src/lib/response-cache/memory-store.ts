import { ALL_TAG, type CachedEntry, type Lookup, type ResponseCacheStore } from "./store"

type Slot = { entry: CachedEntry; tags: string[]; expiresAt: number; bytes: number }

/**
 * Bounded in-process LRU (by total body bytes), used when no Redis is configured. A Map keeps
 * insertion order, so re-inserting on read makes the first key the least recently used.
 */
export class MemoryStore implements ResponseCacheStore {
  readonly kind = "memory" as const
  private slots = new Map<string, Slot>()
  private tagIndex = new Map<string, Set<string>>()
  private tagVersions = new Map<string, number>()
  private clock = 0
  private bytes = 0

  constructor(private readonly maxBytes: number, private readonly now: () => number = Date.now) {}

  async lookup(key: string): Promise<Lookup> {
    const slot = this.slots.get(key)
    if (!slot) return { clock: this.clock }
    if (slot.expiresAt <= this.now()) {
      this.remove(key)
      return { clock: this.clock }
    }
    this.slots.delete(key)
    this.slots.set(key, slot)
    return { entry: slot.entry, clock: this.clock }
  }

  async set(key: string, entry: CachedEntry, tags: string[], ttlSeconds: number, since: number) {
    if ([ALL_TAG, ...tags].some((t) => (this.tagVersions.get(t) ?? 0) > since)) return false
    const bytes = entry.body.length
    if (bytes > this.maxBytes) return false
    this.remove(key)
    this.slots.set(key, { entry, tags, expiresAt: this.now() + ttlSeconds * 1000, bytes })
    this.bytes += bytes
    for (const tag of tags) {
      let keys = this.tagIndex.get(tag)
      if (!keys) this.tagIndex.set(tag, (keys = new Set()))
      keys.add(key)
    }
    for (const oldest of this.slots.keys()) {
      if (this.bytes <= this.maxBytes) break
      this.remove(oldest)
    }
    return true
  }

  async invalidate(tags: string[]) {
    const version = ++this.clock
    if (this.tagVersions.size > 10_000) {
      // Versions only matter to builds still running; forgetting them conservatively drops those.
      this.tagVersions.clear()
      this.tagVersions.set(ALL_TAG, version)
    }
    let dropped = 0
    for (const tag of tags) {
      this.tagVersions.set(tag, version)
      for (const key of this.tagIndex.get(tag) ?? []) if (this.remove(key)) dropped++
      this.tagIndex.delete(tag)
    }
    return dropped
  }

  async purge() {
    this.tagVersions.set(ALL_TAG, ++this.clock)
    this.slots.clear()
    this.tagIndex.clear()
    this.bytes = 0
  }

  async size() {
    return this.slots.size
  }

  async close() {}

  private remove(key: string): boolean {
    const slot = this.slots.get(key)
    if (!slot) return false
    this.slots.delete(key)
    this.bytes -= slot.bytes
    for (const tag of slot.tags) {
      const keys = this.tagIndex.get(tag)
      keys?.delete(key)
      if (keys && keys.size === 0) this.tagIndex.delete(tag)
    }
    return true
  }
}
