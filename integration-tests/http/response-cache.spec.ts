import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import { seedDemo, type SeedResult } from "../helpers/seed"
import { adminAuth } from "../helpers/admin"
import { headers } from "../helpers/store"
import { refreshRecommendations } from "../../src/jobs/recommendations-refresh"

jest.setTimeout(240 * 1000)

// The cache's own Redis database (never the shared event bus): flushed before every test,
// because the runner restores PostgreSQL between tests but not Redis.
const CACHE_REDIS_URL = process.env.RESPONSE_CACHE_TEST_REDIS_URL || "redis://localhost:6379/4"

const ok = { validateStatus: () => true }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

medusaIntegrationTestRunner({
  inApp: true,
  env: { RESPONSE_CACHE_REDIS_URL: CACHE_REDIS_URL, RESPONSE_CACHE: "on" },
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let admin: { headers: Record<string, string> }
    const redis = new Redis(CACHE_REDIS_URL, { maxRetriesPerRequest: 1 })
    const store = (path: string, extra: Record<string, string> = {}, key = seed.publishable_key) =>
      api.get(path, { headers: { "x-publishable-api-key": key, ...extra }, ...ok })

    /** Reads until the answer satisfies `seen` (the invalidation event is handled asynchronously). */
    async function eventually(path: string, seen: (res: any) => boolean, key?: string) {
      const deadline = Date.now() + 10_000
      let res: any
      while (Date.now() < deadline) {
        res = await store(path, {}, key)
        if (seen(res)) return res
        await sleep(100)
      }
      throw new Error(`never saw the change on ${path}; last: ${res.status} ${res.headers["x-cache"]} ${JSON.stringify(res.data).slice(0, 300)}`)
    }

    async function productByHandle(handle: string) {
      const { data } = await api.get(
        `/admin/products?handle=${handle}&fields=id,title,status,*variants,*variants.prices,variants.inventory_items.inventory_item_id`,
        admin
      )
      return data.products[0]
    }

    beforeAll(async () => {
      seed = await seedDemo(getContainer())
    })
    beforeEach(async () => {
      await redis.flushdb()
      admin = await adminAuth(api, getContainer())
    })
    afterAll(async () => {
      await redis.flushdb().catch(() => {})
      redis.disconnect()
    })

    it("serves the second identical read from the cache with the same body and ETag, and 304 on If-None-Match", async () => {
      const path = `/store/products?limit=5&region_id=${seed.region_ids.in}&fields=id,title,*variants.calculated_price`
      const first = await store(path)
      expect(first.status).toBe(200)
      expect(first.headers["x-cache"]).toBe("MISS")
      expect(first.headers["cache-control"]).toMatch(/^public/)
      expect(first.headers.etag).toMatch(/^"/)

      const second = await store(path)
      expect(second.status).toBe(200)
      expect(second.headers["x-cache"]).toBe("HIT")
      expect(second.data).toEqual(first.data)
      expect(second.headers.etag).toBe(first.headers.etag)

      // Same request with parameters and fields in another order: the same entry.
      const reordered = await store(`/store/products?fields=*variants.calculated_price,title,id&region_id=${seed.region_ids.in}&limit=5`)
      expect(reordered.headers["x-cache"]).toBe("HIT")
      expect(reordered.headers.etag).toBe(first.headers.etag)

      const notModified = await store(path, { "if-none-match": first.headers.etag })
      expect(notModified.status).toBe(304)
      expect(notModified.data).toBe("")

      // A different page is a different entry; answers that are not 200 are never cached.
      expect((await store(`/store/products?limit=6`)).headers["x-cache"]).toBe("MISS")
      const missing = await store(`/store/products/prod_01JZZZZZZZZZZZZZZZZZZZZZZZ`)
      expect(missing.status).toBe(404)
      expect((await store(`/store/products/prod_01JZZZZZZZZZZZZZZZZZZZZZZZ`)).status).toBe(404)

      // Categories, collections and regions are cached too.
      for (const p of ["/store/product-categories", "/store/collections", "/store/regions"]) {
        expect((await store(p)).headers["x-cache"]).toBe("MISS")
        expect((await store(p)).headers["x-cache"]).toBe("HIT")
      }
    })

    it("shows an admin price update on the next read", async () => {
      const mug = await productByHandle("stoneware-mug")
      const variant = mug.variants[0]
      const path = `/store/products/${mug.id}?region_id=${seed.region_ids.in}&fields=id,*variants.calculated_price`
      const priceOf = (res: any) => res.data.product.variants.find((v: any) => v.id === variant.id).calculated_price.calculated_amount
      const before = priceOf(await store(path))
      expect((await store(path)).headers["x-cache"]).toBe("HIT")

      const inr = variant.prices.find((p: any) => p.currency_code === "inr")
      const newAmount = before + 111
      await api.post(
        `/admin/products/${mug.id}/variants/${variant.id}`,
        { prices: variant.prices.map((p: any) => ({ id: p.id, currency_code: p.currency_code, amount: p.id === inr.id ? newAmount : p.amount })) },
        admin
      )
      const after = await eventually(path, (res) => priceOf(res) === newAmount)
      expect(after.headers["x-cache"]).toBe("MISS")
      expect((await store(path)).headers["x-cache"]).toBe("HIT")
    })

    it("shows a variant's new title on the next read of the product and of lists", async () => {
      const mug = await productByHandle("stoneware-mug")
      const variant = mug.variants[0]
      const detail = `/store/products/${mug.id}`
      const list = `/store/products?handle=stoneware-mug`
      await store(detail)
      await store(list)
      expect((await store(detail)).headers["x-cache"]).toBe("HIT")

      await api.post(`/admin/products/${mug.id}/variants/${variant.id}`, { title: "Sale-day special" }, admin)
      const titleIn = (p: any) => p.variants.find((v: any) => v.id === variant.id).title
      await eventually(detail, (res) => titleIn(res.data.product) === "Sale-day special")
      await eventually(list, (res) => titleIn(res.data.products[0]) === "Sale-day special")
    })

    it("shows a stock change on the next read", async () => {
      const mug = await productByHandle("stoneware-mug")
      const variant = mug.variants[0]
      const itemId = variant.inventory_items[0].inventory_item_id
      const { data: { stock_locations } } = await api.get("/admin/stock-locations", admin)
      const path = `/store/products/${mug.id}?fields=id,*variants,+variants.inventory_quantity`
      const stockOf = (res: any) => res.data.product.variants.find((v: any) => v.id === variant.id).inventory_quantity
      const before = stockOf(await store(path))
      expect((await store(path)).headers["x-cache"]).toBe("HIT")

      await api.post(`/admin/inventory-items/${itemId}/location-levels/${stock_locations[0].id}`, { stocked_quantity: 3 }, admin)
      const after = await eventually(path, (res) => stockOf(res) !== before)
      expect(stockOf(after)).toBe(3)
    })

    it("stops listing and serving a product once it is unpublished", async () => {
      const mug = await productByHandle("stoneware-mug")
      const detail = `/store/products/${mug.id}`
      const list = `/store/products?limit=100&fields=id`
      expect((await store(detail)).status).toBe(200)
      expect((await store(list)).data.products.map((p: any) => p.id)).toContain(mug.id)
      expect((await store(list)).headers["x-cache"]).toBe("HIT")

      await api.post(`/admin/products/${mug.id}`, { status: "draft" }, admin)
      await eventually(detail, (res) => res.status === 404)
      await eventually(list, (res) => !res.data.products.some((p: any) => p.id === mug.id))
    })

    it("caches recommendations; staff curation, unpublishing a listed product and the refresh job drop them", async () => {
      const [kurta, shirt, tote] = await Promise.all(["chikankari-kurta", "oxford-shirt", "jute-tote"].map(productByHandle))
      const path = `/store/products/${kurta.id}/recommendations?intent=complementary`
      const ids = (res: any) => res.data.products.map((p: any) => p.id)
      await api.post(`/admin/products/${kurta.id}/recommendations`, { product_ids: [shirt.id] }, admin)
      const first = await store(path)
      expect([first.status, first.headers["x-cache"], ids(first)]).toEqual([200, "MISS", [shirt.id]])
      expect((await store(path)).headers["x-cache"]).toBe("HIT")

      // Staff curation drops it at once (our admin route, no event).
      await api.post(`/admin/products/${kurta.id}/recommendations`, { product_ids: [tote.id, shirt.id] }, admin)
      const curated = await store(path)
      expect([curated.headers["x-cache"], ids(curated)]).toEqual(["MISS", [tote.id, shirt.id]])

      // A listed product unpublished: gone on the next reads (product event → list:products).
      await api.post(`/admin/products/${tote.id}`, { status: "draft" }, admin)
      await eventually(path, (res) => res.status === 200 && ids(res).join() === shirt.id)

      // The nightly job recomputes the lists: cached answers are dropped.
      expect((await store(path)).headers["x-cache"]).toBe("HIT")
      await refreshRecommendations(getContainer())
      expect((await store(path)).headers["x-cache"]).toBe("MISS")
    })

    it("never shares answers between two sales channels or two regions", async () => {
      // A second storefront: its own sales channel, key and one product sold only there.
      const { data: { sales_channel } } = await api.post("/admin/sales-channels", { name: "Outlet" }, admin)
      const { data: { api_key } } = await api.post("/admin/api-keys", { title: "Outlet storefront", type: "publishable" }, admin)
      await api.post(`/admin/api-keys/${api_key.id}/sales-channels`, { add: [sales_channel.id] }, admin)
      const { data: { product } } = await api.post(
        "/admin/products",
        {
          title: "Outlet-only Scarf",
          status: "published",
          options: [{ title: "Size", values: ["One"] }],
          variants: [{ title: "One", options: { Size: "One" }, manage_inventory: false, prices: [{ currency_code: "inr", amount: 300 }] }],
          sales_channels: [{ id: sales_channel.id }],
        },
        admin
      )

      const list = "/store/products?limit=100&fields=id"
      const webshop = await store(list)
      expect((await store(list)).headers["x-cache"]).toBe("HIT")
      const outlet = await store(list, {}, api_key.token)
      expect(outlet.headers["x-cache"]).toBe("MISS")
      expect(outlet.data.products.map((p: any) => p.id)).toEqual([product.id])
      expect(webshop.data.products.map((p: any) => p.id)).not.toContain(product.id)
      expect((await store(list, {}, api_key.token)).data.products.map((p: any) => p.id)).toEqual([product.id])

      const mug = await productByHandle("stoneware-mug")
      const priced = (region: string) => `/store/products/${mug.id}?region_id=${region}&fields=id,*variants.calculated_price`
      const inIndia = await store(priced(seed.region_ids.in))
      const inUs = await store(priced(seed.region_ids.us))
      expect(inUs.headers["x-cache"]).toBe("MISS")
      expect(inIndia.data.product.variants[0].calculated_price.currency_code).toBe("inr")
      expect(inUs.data.product.variants[0].calculated_price.currency_code).toBe("usd")
      expect((await store(priced(seed.region_ids.us))).data.product.variants[0].calculated_price.currency_code).toBe("usd")

      // Linking the product to the Webshop emits no event in Medusa 2.21: the admin-write hook drops the lists.
      expect((await store(list)).headers["x-cache"]).toBe("HIT")
      await api.post(`/admin/sales-channels/${seed.sales_channel_id}/products`, { add: [product.id] }, admin)
      await eventually(list, (res) => res.data.products.some((p: any) => p.id === product.id))
    })

    it("gives a customer-group price list only to that group's customers", async () => {
      const mug = await productByHandle("stoneware-mug")
      const variant = mug.variants[0]
      const { data: { customer_group } } = await api.post("/admin/customer-groups", { name: "Wholesale" }, admin)

      async function customer(email: string) {
        const password = "s3cret-pass-word"
        const { data: { token: reg } } = await api.post("/auth/customer/emailpass/register", { email, password })
        const { data: { customer } } = await api.post(
          "/store/customers",
          { email, first_name: "T", last_name: "C" },
          { headers: { ...headers(seed.publishable_key).headers, authorization: `Bearer ${reg}` } }
        )
        const { data: { token } } = await api.post("/auth/customer/emailpass", { email, password })
        return { id: customer.id, auth: { authorization: `Bearer ${token}` } }
      }
      const wholesale = await customer("wholesale@example.com")
      const retail = await customer("retail@example.com")
      await api.post(`/admin/customer-groups/${customer_group.id}/customers`, { add: [wholesale.id] }, admin)
      await api.post(
        "/admin/price-lists",
        {
          title: "Wholesale",
          description: "Trade prices",
          type: "override",
          status: "active",
          rules: { "customer.groups.id": [customer_group.id] },
          prices: [{ variant_id: variant.id, currency_code: "inr", amount: 1 }],
        },
        admin
      )

      const path = `/store/products/${mug.id}?region_id=${seed.region_ids.in}&fields=id,*variants.calculated_price`
      const priceOf = (res: any) => res.data.product.variants.find((v: any) => v.id === variant.id).calculated_price.calculated_amount
      const anonymous = await eventually(path, (res) => res.status === 200)
      expect(priceOf(anonymous)).toBeGreaterThan(1)

      const trade = await store(path, wholesale.auth)
      expect(priceOf(trade)).toBe(1)
      expect(trade.headers["cache-control"]).toMatch(/^private/)
      const tradeAgain = await store(path, wholesale.auth)
      expect(priceOf(tradeAgain)).toBe(1)
      expect(tradeAgain.headers["x-cache"]).toBe("HIT")

      const other = await store(path, retail.auth)
      expect(priceOf(other)).toBe(priceOf(anonymous))
      expect(priceOf(await store(path))).toBe(priceOf(anonymous))
    })

    it("builds a cold page once for a crowd of simultaneous readers", async () => {
      const totals = async () => (await api.get("/admin/response-cache", admin)).data.response_cache.process
      const before = await totals()
      const path = `/store/products?limit=15&region_id=${seed.region_ids.eu}&fields=id,title,*variants.calculated_price`
      const answers = await Promise.all(Array.from({ length: 8 }, () => store(path)))
      const after = await totals()
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200))
      expect(new Set(answers.map((a) => a.headers.etag)).size).toBe(1)
      expect(after.miss - before.miss).toBe(1)
      expect(after.coalesced - before.coalesced).toBe(7)
    })

    it("shows staff the hit rate and purges everything on request", async () => {
      const path = "/store/products?limit=3"
      await store(path)
      expect((await store(path)).headers["x-cache"]).toBe("HIT")

      const unauth = await api.post("/admin/response-cache/purge", {}, ok)
      expect(unauth.status).toBe(401)

      const { data: { response_cache: status } } = await api.get("/admin/response-cache", admin)
      expect(status).toMatchObject({ enabled: true, backend: "redis", available: true })
      expect(status.entries).toBeGreaterThanOrEqual(1)
      expect(status.process.hit).toBeGreaterThanOrEqual(1)
      expect(status.process.hit_rate).toBeGreaterThan(0)

      const { data: purged } = await api.post("/admin/response-cache/purge", {}, admin)
      expect(purged.purged).toBeGreaterThanOrEqual(1)
      expect((await store(path)).headers["x-cache"]).toBe("MISS")
    })
  },
})
