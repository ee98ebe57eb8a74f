import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, createSalesChannelsWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/medusa/core-flows"
import { seedDemo, type SeedResult } from "../helpers/seed"
import { adminAuth } from "../helpers/admin"
import { headers } from "../helpers/store"
import { eventually, searchProducts } from "../helpers/search"
import { CATEGORIES, PRODUCT_LINES, variantPrice } from "../../src/scripts/seed/catalog"

jest.setTimeout(240 * 1000)

const categoryName = (handle: string) => CATEGORIES.find((c) => c.handle === handle)!.name
/** The cheapest variant's INR price of a catalog line, in paise. */
const minInr = (line: (typeof PRODUCT_LINES)[number]) =>
  Math.min(...(line.sizes ?? [null]).map((size) => variantPrice(line, size).inr))

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    const search = (query: Record<string, unknown>) => searchProducts(api, seed.publishable_key, query)

    beforeAll(async () => {
      seed = await seedDemo(getContainer())
      // A full rebuild, as the admin's "Search indexes" page or `npm run search:reindex` runs it.
      await getContainer().resolve(Modules.SEARCH).reindex({ index: "product" })
    })

    it("finds T-shirts for the typo 'tshrit' when typo tolerance is on, and nothing without it", async () => {
      const tees = PRODUCT_LINES.filter((l) => l.category === "t-shirts").map((l) => l.handle)
      const typo = await search({ filters: { q: "tshrit" }, fields: ["id", "handle", "categories"], search_options: { typo_tolerance: true } })
      const handles = typo.hits.map((h: any) => h.document.handle)
      expect(handles.length).toBeGreaterThan(0)
      expect(handles.slice(0, tees.length).sort()).toEqual([...tees].sort())

      const exact = await search({ filters: { q: "tshrit" } })
      expect(exact.hits).toHaveLength(0)
      expect(exact.metadata.count).toBe(0)
    })

    it("matches synonyms both ways and completes a typed prefix", async () => {
      const kurti = await search({ filters: { q: "kurti" }, fields: ["handle"] })
      const kurtas = PRODUCT_LINES.filter((l) => l.category === "kurtas").map((l) => l.handle)
      expect(kurti.hits.map((h: any) => h.document.handle).sort()).toEqual([...kurtas].sort())

      const prefix = await search({ filters: { q: "chikan" }, fields: ["handle"], search_options: { match_strategy: "last" } })
      expect(prefix.hits.map((h: any) => h.document.handle)).toEqual(["chikankari-kurta"])
      const whole = await search({ filters: { q: "chikan" }, fields: ["handle"] })
      expect(whole.hits).toHaveLength(0)
    })

    it("counts category, colour and stock facets exactly as the catalog has them", async () => {
      const result = await search({
        pagination: { take: 0 },
        search_options: { facets: [{ field: "categories", limit: 50 }, { field: "colours", limit: 100 }, "in_stock"] },
      })
      expect(result.metadata.count).toBe(PRODUCT_LINES.length)
      const expectCategories = new Map<string, number>()
      const expectColours = new Map<string, number>()
      for (const line of PRODUCT_LINES) {
        const name = categoryName(line.category)
        expectCategories.set(name, (expectCategories.get(name) ?? 0) + 1)
        for (const c of new Set(line.colours)) expectColours.set(c, (expectColours.get(c) ?? 0) + 1)
      }
      const asMap = (facet: any) => new Map(facet.values.map((v: any) => [v.value, v.count]))
      expect(asMap(result.facets.categories)).toEqual(expectCategories)
      expect(asMap(result.facets.colours)).toEqual(expectColours)
      expect(result.facets.in_stock.values).toEqual([{ value: "true", count: PRODUCT_LINES.length }])

      // Facets describe the matching set, not the whole catalog.
      const kurtas = await search({ filters: { q: "kurta" }, search_options: { facets: ["categories"] } })
      expect(kurtas.facets.categories.values).toEqual([{ value: "Kurtas", count: PRODUCT_LINES.filter((l) => l.category === "kurtas").length }])
    })

    it("facets INR prices to the paisa: range bounds are inclusive-from, exclusive-to, and stats are exact", async () => {
      const prices = PRODUCT_LINES.map(minInr)
      const edge = 79900 // ₹799.00, the price of several lines
      const atEdge = prices.filter((p) => p === edge).length
      expect(atEdge).toBeGreaterThan(0)
      const ranges = await search({
        pagination: { take: 0 },
        search_options: { facets: [{ field: "min_price.inr", type: "range", ranges: [{ to: edge }, { from: edge, to: edge + 1 }, { from: edge + 1 }] }] },
      })
      expect(ranges.facets["min_price.inr"].ranges.map((r: any) => [r.key, r.count])).toEqual([
        [`*-${edge}`, prices.filter((p) => p < edge).length],
        [`${edge}-${edge + 1}`, atEdge],
        [`${edge + 1}-*`, prices.filter((p) => p > edge).length],
      ])
      const stats = await search({ pagination: { take: 0 }, search_options: { facets: [{ field: "min_price.inr", type: "stats" }] } })
      expect(stats.facets["min_price.inr"]).toMatchObject({
        type: "stats",
        min: Math.min(...prices),
        max: Math.max(...prices),
        sum: prices.reduce((a, b) => a + b, 0),
        count: PRODUCT_LINES.length,
      })
      // A price filter in paise agrees with the facet.
      const filtered = await search({ filters: { "min_price.inr": { $gte: edge, $lt: edge + 1 } }, fields: ["id"] })
      expect(filtered.metadata.count).toBe(atEdge)
    })

    it("scopes results to the publishable key's sales channel and to published products", async () => {
      const container = getContainer()
      const { result: [channel] } = await createSalesChannelsWorkflow(container).run({
        input: { salesChannelsData: [{ name: "Wholesale" }] },
      })
      const { result: [key] } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "Wholesale storefront", type: "publishable", created_by: "" }] },
      })
      await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [channel.id] } })
      const auth = await adminAuth(api, container)
      await api.post("/admin/products", {
        title: "Wholesale Kurta Bale", status: "published", sales_channels: [{ id: channel.id }],
        options: [{ title: "Colour", values: ["Natural"] }],
        variants: [{ title: "Natural", options: { Colour: "Natural" }, manage_inventory: false, prices: [{ currency_code: "inr", amount: 50000 }] }],
      }, auth)
      await api.post("/admin/products", {
        title: "Draft Kurta Sample", status: "draft", sales_channels: [{ id: seed.sales_channel_id }],
        options: [{ title: "Colour", values: ["Natural"] }],
        variants: [{ title: "Natural", options: { Colour: "Natural" }, manage_inventory: false, prices: [{ currency_code: "inr", amount: 100 }] }],
      }, auth)

      const wholesale = await eventually(
        () => searchProducts(api, key.token, { filters: { q: "kurta" }, fields: ["title"] }),
        (r) => r.hits.length > 0
      )
      expect(wholesale.hits.map((h: any) => h.document.title)).toEqual(["Wholesale Kurta Bale"])

      const webshop = await search({ filters: { q: "kurta" }, fields: ["title"] })
      const titles = webshop.hits.map((h: any) => h.document.title)
      expect(titles).not.toContain("Wholesale Kurta Bale")
      expect(titles).not.toContain("Draft Kurta Sample")
      expect(titles.length).toBe(PRODUCT_LINES.filter((l) => /kurta/i.test(`${l.title} ${l.category}`)).length)
    })

    it("answers 400 with a message for a filter on a non-filterable field, and 404 for an index that is not public", async () => {
      const bad = await api
        .post("/store/search", { entity: "product", filters: { description: "linen" } }, headers(seed.publishable_key))
        .catch((e) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/description/)

      const hidden = await api
        .post("/store/search", { entity: "customer", filters: { q: "a" } }, headers(seed.publishable_key))
        .catch((e) => e.response)
      expect(hidden.status).toBe(404)
      expect(hidden.data.message).toMatch(/No search index named "customer"/)
    })

    it("keeps the index fresh: create, rename, reprice, stock out and delete reach search", async () => {
      const auth = await adminAuth(api, getContainer())
      const { data: { product } } = await api.post("/admin/products", {
        title: "Mulmul Kaftan", status: "published", sales_channels: [{ id: seed.sales_channel_id }],
        options: [{ title: "Colour", values: ["Ivory"] }],
        variants: [{ title: "Ivory", sku: "MULMUL-KAFTAN-IVORY", options: { Colour: "Ivory" }, manage_inventory: false, prices: [{ currency_code: "inr", amount: 1499.5 }] }],
      }, auth)
      const find = (q: string) => search({ filters: { q }, fields: ["id", "title", "min_price.inr", "in_stock"] })

      const created = await eventually(() => find("kaftan"), (r) => r.hits.length === 1)
      expect(created.hits[0].document).toMatchObject({ title: "Mulmul Kaftan", min_price: { inr: 149950 }, in_stock: true })
      expect((await search({ filters: { skus: "MULMUL-KAFTAN-IVORY" }, fields: ["id"] })).hits).toHaveLength(1)

      await api.post(`/admin/products/${product.id}`, { title: "Mulmul Beach Kaftan" }, auth)
      const renamed = await eventually(() => find("beach"), (r) => r.hits.length === 1)
      expect(renamed.hits[0].document.title).toBe("Mulmul Beach Kaftan")

      const variant = product.variants[0]
      await api.post(`/admin/products/${product.id}/variants/${variant.id}`, { prices: [{ currency_code: "inr", amount: 1299 }] }, auth)
      const repriced = await eventually(() => find("kaftan"), (r) => r.hits[0]?.document.min_price?.inr === 129900)
      expect(repriced.hits[0].document.min_price.inr).toBe(129900)

      await api.post(`/admin/products/${product.id}/variants/${variant.id}`, { manage_inventory: true }, auth)
      const outOfStock = await eventually(() => find("kaftan"), (r) => r.hits[0]?.document.in_stock === false)
      expect(outOfStock.hits[0].document.in_stock).toBe(false)

      await api.delete(`/admin/products/${product.id}`, auth)
      const gone = await eventually(() => find("kaftan"), (r) => r.hits.length === 0)
      expect(gone.hits).toHaveLength(0)
    })

    it("stock changes reach the in_stock facet through inventory events", async () => {
      const container = getContainer()
      const query = container.resolve("query")
      const { data: [mug] } = await query.graph({
        entity: "product",
        fields: ["id", "variants.inventory_items.inventory.location_levels.id", "variants.inventory_items.inventory.location_levels.location_id", "variants.inventory_items.inventory_item_id"],
        filters: { handle: "stoneware-mug" },
      })
      const auth = await adminAuth(api, container)
      for (const variant of mug.variants as any[]) {
        const item = variant.inventory_items[0]
        const level = item.inventory.location_levels[0]
        await api.post(`/admin/inventory-items/${item.inventory_item_id}/location-levels/${level.location_id}`, { stocked_quantity: 0 }, auth)
      }
      const result = await eventually(
        () => search({ filters: { handle: "stoneware-mug" }, fields: ["in_stock"] }),
        (r) => r.hits[0]?.document.in_stock === false
      )
      expect(result.hits[0].document.in_stock).toBe(false)
      const facet = await search({ pagination: { take: 0 }, search_options: { facets: ["in_stock"] } })
      expect(facet.facets.in_stock.values).toEqual([
        { value: "true", count: PRODUCT_LINES.length - 1 },
        { value: "false", count: 1 },
      ])
    })

    it("rebuilds the index from the admin without downtime: searches keep answering during the swap", async () => {
      const auth = await adminAuth(api, getContainer())
      const { data: before } = await api.get("/admin/search-indexes", auth)
      const product = before.search_indexes.find((i: any) => i.name === "product")
      expect(product).toMatchObject({ provider: "search-postgres", status: "ready" })

      const started = await api.post("/admin/search-indexes/product/reindex", { strategy: "swap" }, auth)
      expect(started.status).toBe(202)
      const counts: number[] = []
      const deadline = Date.now() + 30_000
      let version = 1
      while (Date.now() < deadline) {
        counts.push((await search({ pagination: { take: 0 } })).metadata.count)
        const { rows } = await (getContainer().resolve("__pg_connection__") as any).raw("select active_version from search_index where name = 'product'")
        version = rows[0].active_version
        if (version > 1 && counts.length > 3) break
        await new Promise((r) => setTimeout(r, 100))
      }
      expect(version).toBeGreaterThan(1)
      expect(new Set(counts)).toEqual(new Set([PRODUCT_LINES.length]))
    })
    it("rebuilds only the products named in the admin's Reindex form (entity ids)", async () => {
      const container = getContainer()
      const searchModule = container.resolve(Modules.SEARCH)
      const pick = await search({ filters: { handle: ["jute-tote", "brass-tumbler"] }, fields: ["id", "handle"] })
      const [tote, tumbler] = ["jute-tote", "brass-tumbler"].map((h) => pick.hits.find((x: any) => x.document.handle === h).id)
      // Both documents leave the index (as after a lost ingestion)...
      await searchModule.deleteDocuments({ index: "product", filters: { id: [tote, tumbler] } })
      expect((await search({ filters: { id: [tote, tumbler] }, fields: ["id"] })).hits).toHaveLength(0)

      // ...and the form's "Entity IDs" brings back exactly the one named.
      const auth = await adminAuth(api, container)
      const started = await api.post("/admin/search-indexes/product/reindex", { filters: { ids: [tote] } }, auth)
      expect(started.status).toBe(202)
      const back = await eventually(() => search({ filters: { id: [tote, tumbler] }, fields: ["id"] }), (r) => r.hits.length > 0)
      expect(back.hits.map((h: any) => h.id)).toEqual([tote])
    })
  },
})
