import type { AddressInfo } from "net"
import type { Server } from "http"
import express from "express"
import Redis from "ioredis"
import { RedisBuildLocks, type BuildLockOptions } from "../build-lock"
import { readAppConfig } from "../../../config"
import { cacheKey } from "../key"
import { MemoryStore } from "../memory-store"
import { createStoreResponseCache } from "../middleware"
import { RedisStore } from "../redis-store"
import type { ResponseCacheStore } from "../store"

/**
 * Request coalescing against a real Redis. Each "process" is what a server process has of its
 * own: an ioredis client (RedisStore), the middleware's in-process map, an HTTP server. Both
 * share one Redis and one "database" (the builder), which counts how often it is queried.
 */
const REDIS_URL = process.env.RESPONSE_CACHE_TEST_REDIS_URL || "redis://127.0.0.1:6379/4"
const PREFIX = `rc-test-${process.pid}:`
const PROD = "prod_01JABCDEFGHJKMNPQRSTVWXYZ0"

type Db = { title: string; builds: number; gate?: Promise<void>; started?: () => void }

type Proc = { url: string; store: ResponseCacheStore; server: Server }
const procs: Proc[] = []

async function startProcess(db: Db, store: ResponseCacheStore): Promise<Proc> {
  const config = { ...readAppConfig({}).responseCache, enabled: true }
  const cache = createStoreResponseCache(() => ({ config, store }))
  const app = express()
  app.use((req, res, next) => void cache(req as any, res as any, next))
  app.get("/store/products/:id", async (req, res) => {
    db.builds++
    const title = db.title // the "query" reads the database here
    db.started?.()
    await (db.gate ?? new Promise((r) => setTimeout(r, 150)))
    if (req.params.id === "prod_missing") return void res.status(404).json({ type: "not_found", message: "Product not found" })
    res.json({ product: { id: req.params.id, title } })
  })
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s))
  })
  const proc = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, store, server }
  procs.push(proc)
  return proc
}

async function redisProcess(db: Db, buildLocks?: BuildLockOptions) {
  const store = new RedisStore({ url: REDIS_URL, prefix: PREFIX, buildLocks })
  // The store fails fast (no offline queue) until connected: a booted server is connected.
  if (store.client.status !== "ready") await new Promise((r) => store.client.once("ready", r))
  return startProcess(db, store)
}

async function get(proc: Proc, path: string) {
  const res = await fetch(proc.url + path)
  return { status: res.status, xCache: res.headers.get("x-cache"), body: (await res.json()) as any }
}

const keyOf = (url: string) => {
  const [path, rawQuery = ""] = url.split("?")
  return cacheKey({ path, rawQuery, salesChannelIds: [] })
}
const ms = (since: number) => Date.now() - since

afterEach(async () => {
  for (const p of procs.splice(0)) {
    await new Promise((r) => p.server.close(r))
    await p.store.close()
  }
})

afterAll(async () => {
  const redis = new Redis(REDIS_URL)
  let cursor = "0"
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${PREFIX}*`, "COUNT", 1000)
    if (keys.length) await redis.unlink(...keys)
    cursor = next
  } while (cursor !== "0")
  redis.disconnect()
})

describe("cross-process request coalescing (Redis store)", () => {
  it("builds a cold key once when two processes get it at the same time", async () => {
    const db: Db = { title: "Chai mug", builds: 0 }
    const [a, b] = await Promise.all([redisProcess(db), redisProcess(db)])
    const path = `/store/products/${PROD}?n=cold`
    const answers = await Promise.all([a, b, a, b, a, b, a, b].map((p) => get(p, path)))

    expect(db.builds).toBe(1)
    expect(answers.map((x) => x.status)).toEqual(Array(8).fill(200))
    expect(answers.every((x) => x.body.product.title === "Chai mug")).toBe(true)
    expect(answers.filter((x) => x.xCache === "MISS")).toHaveLength(1)
    expect(answers.filter((x) => x.xCache === "HIT")).toHaveLength(7)
  })

  it("wakes the waiting process through the build's announcement, not by polling", async () => {
    const db: Db = { title: "Chai mug", builds: 0 }
    const slowPolls = { firstPollMs: 3_000, maxPollMs: 3_000, waitMs: 10_000 }
    const [a, b] = await Promise.all([redisProcess(db, slowPolls), redisProcess(db, slowPolls)])
    const path = `/store/products/${PROD}?n=announced`
    const t = Date.now()
    const answers = await Promise.all([get(a, path), get(b, path)])
    expect(db.builds).toBe(1)
    expect(answers.map((x) => x.xCache).sort()).toEqual(["HIT", "MISS"])
    expect(ms(t)).toBeLessThan(1_500) // a build takes 150 ms; the first poll would come after 3 s
  })

  it("builds after the wait limit when the lock holder died without announcing anything", async () => {
    const db: Db = { title: "Chai mug", builds: 0 }
    const b = await redisProcess(db, { waitMs: 400 })
    const path = `/store/products/${PROD}?n=dead-holder`
    const redis = new Redis(REDIS_URL)
    await redis.set(`${PREFIX}l:${keyOf(path)}`, "a-dead-process", "PX", 60_000)
    redis.disconnect()

    const t = Date.now()
    const answer = await get(b, path)
    expect(answer).toMatchObject({ status: 200, xCache: "MISS", body: { product: { title: "Chai mug" } } })
    expect(ms(t)).toBeGreaterThanOrEqual(400)
    expect(ms(t)).toBeLessThan(3_000)
    expect(db.builds).toBe(1)
  })

  it("takes the key over once a dead holder's lock expires, and stores the answer for everyone", async () => {
    const db: Db = { title: "Chai mug", builds: 0 }
    const [a, b] = await Promise.all([redisProcess(db, { waitMs: 5_000 }), redisProcess(db, { waitMs: 5_000 })])
    const path = `/store/products/${PROD}?n=expired-holder`
    const redis = new Redis(REDIS_URL)
    await redis.set(`${PREFIX}l:${keyOf(path)}`, "a-dead-process", "PX", 300)
    redis.disconnect()

    const answers = await Promise.all([get(a, path), get(b, path)])
    expect(db.builds).toBe(1)
    expect(answers.map((x) => x.xCache).sort()).toEqual(["HIT", "MISS"])
    expect((await get(a, path)).xCache).toBe("HIT")
  })

  it("never hands a waiting process an answer built before an invalidation", async () => {
    let open!: () => void
    let buildStarted!: () => void
    const started = new Promise<void>((r) => (buildStarted = r))
    const db: Db = { title: "price 100", builds: 0, gate: new Promise((r) => (open = r)), started: buildStarted }
    const [a, b] = await Promise.all([redisProcess(db), redisProcess(db)])
    const path = `/store/products/${PROD}?n=raced`

    const leader = get(a, path)
    await started // a holds the lock and has read "price 100"
    const follower = get(b, path)
    await new Promise((r) => setTimeout(r, 150)) // b is waiting for a's build
    db.title = "price 120"
    db.gate = undefined
    await b.store.invalidate([`id:${PROD}`]) // the worker handled the price event
    open()

    expect((await leader).body.product.title).toBe("price 100") // a answers what it read, but may not store it
    const waited = await follower
    expect(waited).toMatchObject({ status: 200, xCache: "MISS", body: { product: { title: "price 120" } } })
    expect(db.builds).toBe(2)
    expect(await get(a, path)).toMatchObject({ xCache: "HIT", body: { product: { title: "price 120" } } })
  })

  it("does not queue behind a build whose answer cannot be cached", async () => {
    const db: Db = { title: "x", builds: 0, gate: new Promise((r) => setTimeout(r, 300)) }
    const [a, b] = await Promise.all([redisProcess(db, { waitMs: 5_000 }), redisProcess(db, { waitMs: 5_000 })])
    const status = (p: Proc) => fetch(p.url + "/store/products/prod_missing").then((r) => r.status)
    const t = Date.now()
    expect(await Promise.all([status(a), status(b)])).toEqual([404, 404])
    expect(db.builds).toBe(2) // a 404 is never stored, so the waiter built its own as soon as it heard
    expect(ms(t)).toBeLessThan(2_500)
  })
})

describe("build lock failures", () => {
  it("lets the caller build when Redis is unreachable, without waiting", async () => {
    const dead = new Redis({ port: 1, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null })
    dead.on("error", () => {})
    const locks = new RedisBuildLocks(dead, PREFIX, { waitMs: 5_000 })
    const t = Date.now()
    expect(await locks.takeTurn("k", async () => ({ clock: 0 }))).toEqual({})
    expect(ms(t)).toBeLessThan(1_000)
    await locks.close()
    dead.disconnect()
  })
})

describe("in-process coalescing (memory store, no Redis)", () => {
  it("builds a cold key once for concurrent requests in one process", async () => {
    const db: Db = { title: "Chai mug", builds: 0 }
    const p = await startProcess(db, new MemoryStore(1024 * 1024))
    const answers = await Promise.all(Array.from({ length: 5 }, () => get(p, `/store/products/${PROD}`)))
    expect(db.builds).toBe(1)
    expect(answers.filter((x) => x.xCache === "MISS")).toHaveLength(1)
  })
})
