import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedDemo, type SeedResult } from "../helpers/seed"
import { headers } from "../helpers/store"
import { adminAuth } from "../helpers/admin"
import { startEsFixture } from "../helpers/es-fixture"

jest.setTimeout(240 * 1000)

/**
 * The app configured for Elasticsearch (ELASTICSEARCH_URL), against an HTTP stand-in that
 * answers in ES 8 format: what /store/search sends to the engine, and that a node that stops
 * answering gives a fast, clear 503 instead of a hung storefront.
 */
let fixture: Awaited<ReturnType<typeof startEsFixture>>
const saved = process.env.ELASTICSEARCH_URL
// The runner loads medusa-config.ts before applying `env`, so the URL is set before it starts.
beforeAll(async () => {
  fixture = await startEsFixture()
  process.env.ELASTICSEARCH_URL = fixture.url
})
afterAll(async () => {
  if (saved === undefined) delete process.env.ELASTICSEARCH_URL
  else process.env.ELASTICSEARCH_URL = saved
  await fixture?.close()
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    beforeAll(async () => {
      seed = await seedDemo(getContainer())
    })

    it("makes Elasticsearch the engine: the index is created there and storefront scoping reaches the query", async () => {
      const { data: { search_indexes } } = await api.get("/admin/search-indexes", await adminAuth(api, getContainer()))
      expect(search_indexes.find((i: any) => i.name === "product").provider).toBe("search-elasticsearch")
      const created = fixture.requests.find((r) => r.method === "PUT")!
      // A database that served search from PostgreSQL before already holds version 1 of the index.
      const alias = /^\/(product_v\d+)__[0-9a-f]{12}/.exec(created.path)?.[1]
      expect(alias).toBeDefined()
      expect(created.body.mappings.dynamic).toBe(false)
      expect(created.body.aliases).toEqual({ [alias!]: { is_write_index: true } })

      const res = await api.post("/store/search", { entity: "product", filters: { q: "kurta" } }, headers(seed.publishable_key))
      expect(res.status).toBe(200)
      const msearch = fixture.requests.filter((r) => r.path.startsWith("/_msearch")).pop()!
      expect(msearch.body[0]).toEqual({ index: alias })
      const filters = JSON.stringify(msearch.body[1].query.bool.filter)
      expect(filters).toContain(JSON.stringify({ term: { status: "published" } }))
      expect(filters).toContain(JSON.stringify({ term: { sales_channel_ids: seed.sales_channel_id } }))
    })

    it("answers 503 with Retry-After within the search timeout when the node stops answering, then at once", async () => {
      fixture.hang()
      let started = Date.now()
      const first = await api
        .post("/store/search", { entity: "product", filters: { q: "tee" } }, headers(seed.publishable_key))
        .catch((e) => e.response)
      const firstMs = Date.now() - started
      expect(first.status).toBe(503)
      expect(first.data).toEqual({
        type: "search_unavailable",
        code: "search_unavailable",
        message: "Search is temporarily unavailable: Elasticsearch did not answer. Try again shortly.",
      })
      expect(Number(first.headers["retry-after"])).toBeGreaterThan(0)
      expect(firstMs).toBeLessThan(4_000)

      started = Date.now()
      const second = await api
        .post("/store/search", { entity: "product", filters: { q: "tee" } }, headers(seed.publishable_key))
        .catch((e) => e.response)
      expect(second.status).toBe(503)
      expect(Date.now() - started).toBeLessThan(1_000)
    })
  },
})
