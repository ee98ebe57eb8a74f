import Redis from "ioredis"
import { Queue } from "bullmq"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { seedDemo, type SeedResult } from "../helpers/seed"
import { adminAuth } from "../helpers/admin"
import { eventually, searchProducts } from "../helpers/search"
import { metricsRegistry } from "@indus/observability"

jest.setTimeout(240 * 1000)

// This suite's own Redis database (the engineer's allotment: 9 and 10); flushed before use.
const REDIS_URL = "redis://127.0.0.1:6379/9"
// The runner loads medusa-config.ts before it applies `env`, so REDIS_URL must be set first
// (and restored afterwards: suites share the process under --runInBand).
const saved = { REDIS_URL: process.env.REDIS_URL, SEARCH_CACHE_SETTLE_MS: process.env.SEARCH_CACHE_SETTLE_MS }
process.env.REDIS_URL = REDIS_URL
process.env.SEARCH_CACHE_SETTLE_MS = "500"
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
})

beforeAll(async () => {
  const redis = new Redis(REDIS_URL)
  await redis.flushdb()
  await redis.quit()
})

/**
 * Seeding emits hundreds of events; each one clears the search cache and queues ingestion.
 * Waiting for event-bus-redis's queue to drain makes the tests see a quiet shop.
 */
async function drainEvents(timeoutMs = 120_000) {
  const queue = new Queue("events-queue", { connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }), prefix: "RedisEventBusService" })
  const deadline = Date.now() + timeoutMs
  try {
    for (;;) {
      const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized")
      if (Object.values(counts).every((n) => n === 0) || Date.now() > deadline) return counts
      await new Promise((r) => setTimeout(r, 250))
    }
  } finally {
    await queue.close()
  }
}

const lookups = async (result: "hit" | "miss") => {
  const metric = (await metricsRegistry.getSingleMetric("store_search_cache_lookups_total")?.get())?.values ?? []
  return metric.find((v) => v.labels.result === result)?.value ?? 0
}

medusaIntegrationTestRunner({
  inApp: true,
  // REDIS_URL (set above) switches on Medusa's caching module with caching-redis (medusa-config.ts).
  env: {},
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    beforeAll(async () => {
      seed = await seedDemo(getContainer())
      await drainEvents()
      await getContainer().resolve(Modules.SEARCH).reindex({ index: "product" })
    })

    it("answers a repeated search from Redis, whatever the spacing and case of the query", async () => {
      const hitsBefore = await lookups("hit")
      const first = await searchProducts(api, seed.publishable_key, { filters: { q: "linen" }, fields: ["id", "title"] })
      expect(first.cache).toBe("miss")
      expect(first.hits.length).toBeGreaterThan(0)
      // The cache write is fire-and-forget; give it a moment.
      const again = await eventually(
        () => searchProducts(api, seed.publishable_key, { fields: ["id", "title"], filters: { q: "  LINEN " } }),
        (r) => r.cache === "hit",
        5_000
      )
      expect(again.cache).toBe("hit")
      expect(again.hits).toEqual(first.hits)
      expect(await lookups("hit")).toBeGreaterThan(hitsBefore)

      // The cache lives in Redis (caching-redis keys), not in process memory.
      const redis = new Redis(REDIS_URL)
      const keys = await redis.keys("mc:*")
      await redis.quit()
      expect(keys.length).toBeGreaterThan(0)

      const other = await searchProducts(api, seed.publishable_key, { filters: { q: "linen" }, fields: ["id"] })
      expect(other.cache).toBe("miss")
    })

    it("drops cached answers when a product changes, so shoppers see the change", async () => {
      const query = { filters: { q: "terracotta" }, fields: ["id", "title"] }
      await searchProducts(api, seed.publishable_key, query)
      const cached = await eventually(() => searchProducts(api, seed.publishable_key, query), (r) => r.cache === "hit", 5_000)
      expect(cached.cache).toBe("hit")
      const planter = cached.hits.find((h: any) => h.document.title === "Terracotta Planter")
      expect(planter).toBeDefined()

      const auth = await adminAuth(api, getContainer())
      await api.post(`/admin/products/${planter.id}`, { title: "Terracotta Balcony Planter" }, auth)

      // The index has the change (probed with a different search, so the cached one stays untouched)...
      const indexed = await eventually(
        () => searchProducts(api, seed.publishable_key, { filters: { q: "balcony" }, fields: ["id", "title"] }),
        (r) => r.hits.length === 1,
        20_000
      )
      expect(indexed.hits[0].document.title).toBe("Terracotta Balcony Planter")
      // ...and the cached answer for the first search was dropped, so shoppers see it too.
      const fresh = await eventually(
        () => searchProducts(api, seed.publishable_key, query),
        (r) => r.hits.some((h: any) => h.document.title === "Terracotta Balcony Planter"),
        20_000
      )
      expect(fresh.hits.map((h: any) => h.document.title)).toContain("Terracotta Balcony Planter")
      expect(fresh.hits.map((h: any) => h.document.title)).not.toContain("Terracotta Planter")
    })
  },
})
