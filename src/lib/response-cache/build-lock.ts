import { randomUUID } from "crypto"
import type Redis from "ioredis"
import type { CachedEntry, Lookup } from "./store"

/** How a build ended, as announced to the processes waiting for it. */
export type BuildOutcome = "stored" | "refused" | "uncacheable"

/** Whoever holds it builds the key; release() once the entry is stored (or will not be). */
export type HeldLock = { release(outcome: BuildOutcome): Promise<void> }

/**
 * What a process that missed gets from its turn: an entry another process built, the lock, or
 * neither (build uncached). `clock` is the invalidation clock of its last lookup while waiting:
 * the build starts after it, so it is the `since` to store the build with.
 */
export type Turn = { entry?: CachedEntry; lock?: HeldLock; clock?: number }

export type BuildLockOptions = {
  /** Lock lifetime: a holder that dies frees the key after this long. */
  lockTtlMs?: number
  /** How long a process waits for another one's build before building itself. */
  waitMs?: number
  /** First poll interval while waiting (doubles up to maxPollMs); pub/sub usually wakes sooner. */
  firstPollMs?: number
  maxPollMs?: number
}

// Deletes the lock only if this process still holds it (it may have expired and been taken
// over), then announces the outcome either way so waiters look again at once.
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('PUBLISH', ARGV[2], ARGV[3])
return 1`

const sleep = (ms: number) => new Promise<void>((resolve) => (setTimeout(resolve, ms) as unknown as NodeJS.Timeout).unref())

/**
 * Cross-process request coalescing on the Redis store: one build per key at a time across every
 * process sharing the Redis. The first process to miss takes `<prefix>l:<key>` (SET NX PX) and
 * builds; the others wait for its announcement on `<prefix>built` (pub/sub, with polling as a
 * fallback for a missed message) and read the entry like any hit. Waiting never becomes an error
 * or a hang: a Redis failure, an uncacheable answer or the wait limit all end in "build it
 * yourself".
 *
 * Freshness: a waiter only ever takes an entry through a normal lookup, and an entry present in
 * Redis has survived every invalidation of its tags so far (the store script refuses a build
 * that an invalidation overtook; an invalidation after the store deletes it). So a waiter never
 * takes an entry older than an invalidation it has seen; when the leader's build was refused it
 * gets no entry and competes for the lock again.
 */
export class RedisBuildLocks {
  private readonly lockTtlMs: number
  private readonly waitMs: number
  private readonly firstPollMs: number
  private readonly maxPollMs: number
  private readonly channel: string
  private subscriber?: Redis
  private readonly waiters = new Map<string, Set<(outcome: BuildOutcome) => void>>()

  constructor(private readonly client: Redis, private readonly prefix: string, opts: BuildLockOptions = {}) {
    this.lockTtlMs = opts.lockTtlMs ?? 5_000
    this.waitMs = opts.waitMs ?? this.lockTtlMs + 1_000
    this.firstPollMs = opts.firstPollMs ?? 25
    this.maxPollMs = opts.maxPollMs ?? 400
    this.channel = `${prefix}built`
    client.defineCommand("rcReleaseLock", { numberOfKeys: 1, lua: RELEASE_SCRIPT })
  }

  /**
   * Call after a miss. Resolves with the entry another process built, or with the lock (this
   * process builds), or with neither (build anyway: waited too long, or Redis failed). Never rejects.
   */
  async takeTurn(key: string, lookup: () => Promise<Lookup>): Promise<Turn> {
    const lockKey = `${this.prefix}l:${key}`
    const deadline = Date.now() + this.waitMs
    let poll = this.firstPollMs
    let clock: number | undefined
    try {
      this.subscribe()
      for (;;) {
        // Listen before trying, so an announcement between the try and the wait is not missed.
        const woken = this.listen(key)
        let outcome: BuildOutcome | undefined
        try {
          const token = randomUUID()
          if ((await this.client.set(lockKey, token, "PX", this.lockTtlMs, "NX")) === "OK") {
            return { lock: this.held(lockKey, key, token), clock }
          }
          const remaining = deadline - Date.now()
          if (remaining <= 0) return { clock }
          outcome = await Promise.race([woken.promise, sleep(Math.min(poll, remaining)).then(() => undefined)])
        } finally {
          woken.cancel()
        }
        poll = Math.min(poll * 2, this.maxPollMs)
        const seen = await lookup()
        if (seen.entry) return { entry: seen.entry }
        clock = seen.clock
        // Not a 200 answer: nothing will ever be stored for this build, so do not queue behind it.
        if (outcome === "uncacheable") return { clock }
        // Refused (an invalidation overtook it), or still building: try for the lock again.
      }
    } catch {
      return {} // Redis failed: build uncached (the store will most likely fail too, harmlessly)
    }
  }

  async close() {
    this.subscriber?.disconnect()
    this.subscriber = undefined
  }

  private held(lockKey: string, key: string, token: string): HeldLock {
    let released = false
    return {
      release: async (outcome) => {
        if (released) return
        released = true
        try {
          await (this.client as any).rcReleaseLock(lockKey, token, this.channel, `${outcome} ${key}`)
        } catch {
          // The lock expires by itself; waiters poll.
        }
      },
    }
  }

  private listen(key: string) {
    let wake!: (outcome: BuildOutcome) => void
    const promise = new Promise<BuildOutcome>((resolve) => (wake = resolve))
    let set = this.waiters.get(key)
    if (!set) this.waiters.set(key, (set = new Set()))
    set.add(wake)
    return {
      promise,
      cancel: () => {
        set!.delete(wake)
        if (!set!.size && this.waiters.get(key) === set) this.waiters.delete(key)
      },
    }
  }

  /** One subscriber connection per process, opened on the first wait; ioredis resubscribes after a reconnect. */
  private subscribe() {
    if (this.subscriber) return
    const sub = this.client.duplicate({ enableOfflineQueue: true, lazyConnect: false })
    this.subscriber = sub
    sub.on("error", () => {}) // waiters fall back to polling
    sub.on("message", (_channel: string, message: string) => {
      const space = message.indexOf(" ")
      const key = message.slice(space + 1)
      for (const wake of this.waiters.get(key) ?? []) wake(message.slice(0, space) as BuildOutcome)
    })
    const subscribe = () => void sub.subscribe(this.channel).catch(() => {})
    sub.on("ready", subscribe) // covers a first subscribe that failed while Redis was away
    subscribe()
  }
}
