import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow, createSalesChannelsWorkflow } from "@medusajs/medusa/core-flows"
import { seedDemo, type SeedResult } from "../helpers/seed"
import { headers } from "../helpers/store"
import { adminAuth } from "../helpers/admin"
import refreshRecommendationsJob from "../../src/jobs/recommendations-refresh"
import { sendAbandonedCartReminders } from "../../src/jobs/abandoned-cart-reminders"
import searchSyncJob, { syncSearchIndex } from "../../src/jobs/search-sync"
import { runHousekeeping } from "../../src/jobs/housekeeping"
import { PostgresEventStore } from "../../src/modules/analytics-postgres/event-store"

jest.setTimeout(180 * 1000)

type Product = { id: string; handle: string; categories: { id: string }[] }

async function createProduct(container: MedusaContainer, title: string, opts: { status: ProductStatus; salesChannelId: string; categoryId?: string }) {
  const { result: [p] } = await createProductsWorkflow(container).run({
    input: { products: [{ title, status: opts.status, sales_channels: [{ id: opts.salesChannelId }], category_ids: opts.categoryId ? [opts.categoryId] : [], options: [{ title: "Size", values: ["One"] }], variants: [{ title: "One", options: { Size: "One" }, prices: [{ currency_code: "inr", amount: 100 }] }] }] },
  })
  return p
}

/** An order straight through the Order Module: one line per product. */
async function placeOrder(container: MedusaContainer, productIds: string[]) {
  await container.resolve(Modules.ORDER).createOrders([{
    currency_code: "inr",
    email: "buyer@example.com",
    items: productIds.map((id) => ({ title: id, product_id: id, quantity: 1, unit_price: 100 })),
  }])
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let products: Product[]

    beforeAll(async () => {
      seed = await seedDemo(getContainer())
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product", fields: ["id", "handle", "categories.id"] })
      products = data as Product[]
    })

    const recs = (id: string, q = "") => api.get(`/store/products/${id}/recommendations${q}`, headers(seed.publishable_key))

    describe("recommendations", () => {
      it("ranks by co-purchases, hides unpublished and other-channel products, and gives new products category picks", async () => {
        const container = getContainer()
        const [a, b, c] = products.filter((p) => p.categories.length)
        const { result: [wholesale] } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "Wholesale" }] } })
        const draft = await createProduct(container, "Draft lamp", { status: ProductStatus.DRAFT, salesChannelId: seed.sales_channel_id })
        const other = await createProduct(container, "Wholesale crate", { status: ProductStatus.PUBLISHED, salesChannelId: wholesale.id })
        for (let i = 0; i < 3; i++) await placeOrder(container, [a.id, b.id, draft.id, other.id])
        await placeOrder(container, [a.id, c.id])

        await refreshRecommendationsJob(container)

        const { data } = await recs(a.id, "?intent=related&limit=5")
        const ids = data.products.map((p: { id: string }) => p.id)
        expect(ids.slice(0, 2)).toEqual([b.id, c.id])
        expect(ids).not.toContain(draft.id)
        expect(ids).not.toContain(other.id)
        expect(ids).not.toContain(a.id)
        expect(data.products[0]).toMatchObject({ id: b.id, handle: b.handle })

        // A brand-new product in A's category has no orders: it gets what sells in that category.
        const fresh = await createProduct(container, "New arrival", { status: ProductStatus.PUBLISHED, salesChannelId: seed.sales_channel_id, categoryId: a.categories[0].id })
        const { data: cold } = await recs(fresh.id)
        expect(cold.products.map((p: { id: string }) => p.id)).toContain(a.id)
        expect(cold.products.map((p: { id: string }) => p.id)).not.toContain(fresh.id)

        // Hidden products have no recommendations page at all; bad input is a 400.
        expect((await recs(draft.id).catch((e) => e.response)).status).toBe(404)
        expect((await recs(a.id, "?intent=upsell").catch((e) => e.response)).status).toBe(400)
        expect((await recs(a.id, "?limit=0").catch((e) => e.response)).status).toBe(400)
      })

      it("staff curate complementary products; the store shows only the visible ones, in order", async () => {
        const [a, , , d, e] = products.filter((p) => p.categories.length)
        const draft = await createProduct(getContainer(), "Draft scarf", { status: ProductStatus.DRAFT, salesChannelId: seed.sales_channel_id })
        await placeOrder(getContainer(), [a.id, d.id])
        await refreshRecommendationsJob(getContainer())
        const auth = await adminAuth(api as any, getContainer())
        const { data: admin } = await api.post(`/admin/products/${a.id}/recommendations`, { product_ids: [e.id, draft.id, d.id] }, auth)
        expect(admin.complementary.map((p: { id: string }) => p.id)).toEqual([e.id, draft.id, d.id])
        expect(admin.related).toEqual([expect.objectContaining({ id: d.id, together: 1 })])

        const { data } = await recs(a.id, "?intent=complementary")
        expect(data.products.map((p: { id: string }) => p.id)).toEqual([e.id, d.id])

        const bad = await api.post(`/admin/products/${a.id}/recommendations`, { product_ids: ["prod_nope"] }, auth).catch((err) => err.response)
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/prod_nope/)
        const unauth = await api.get(`/admin/products/${a.id}/recommendations`).catch((err) => err.response)
        expect(unauth.status).toBe(401)
      })
    })

    describe("abandoned-cart reminders", () => {
      it("one reminder for an idle cart with an e-mail; none for completed, fresh or anonymous carts; a re-run sends nothing", async () => {
        const container = getContainer()
        const carts = container.resolve(Modules.CART)
        const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const item = { title: "Jute tote", quantity: 2, unit_price: 49900, product_id: products[0].id }
        const [idle, completed, anonymous, fresh] = await carts.createCarts([
          { currency_code: "inr", email: "idle@example.com", items: [item] },
          { currency_code: "inr", email: "bought@example.com", items: [item] },
          { currency_code: "inr", items: [item] },
          { currency_code: "inr", email: "fresh@example.com", items: [item] },
        ])
        await carts.updateCarts(completed.id, { completed_at: new Date() })
        const ids = [idle.id, completed.id, anonymous.id]
        await db.raw(`update cart set updated_at = now() - interval '5 hours' where id = any(?)`, [ids])
        await db.raw(`update cart_line_item set updated_at = now() - interval '5 hours' where cart_id = any(?)`, [ids])

        const first = await sendAbandonedCartReminders(container)
        expect(first.sent).toBe(1)
        const notifications = container.resolve(Modules.NOTIFICATION)
        const sent = await notifications.listNotifications({ channel: "email", template: "abandoned-cart" })
        expect(sent).toHaveLength(1)
        expect(sent[0]).toMatchObject({ to: "idle@example.com", resource_id: idle.id, status: "success", idempotency_key: `abandoned-cart:${idle.id}` })
        expect((sent[0].data as any).items[0]).toMatchObject({ title: "Jute tote", quantity: 2 })

        const second = await sendAbandonedCartReminders(container)
        expect(second.sent).toBe(0)
        expect(await notifications.listNotifications({ channel: "email", template: "abandoned-cart" })).toHaveLength(1)
        // The staff feed channel still works next to e-mail.
        expect((await notifications.listNotifications({ channel: "feed" })).every((n) => n.channel === "feed")).toBe(true)
      })
    })

    describe("search sync and housekeeping", () => {
      it("one sync run puts back a product missing from the index, refreshes stale documents and drops deleted ones", async () => {
        const container = getContainer()
        const search = container.resolve(Modules.SEARCH)
        const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await syncSearchIndex(container) // whatever the boot left undone
        // Documents carry the same version stamp the job computes from the catalog: nothing to do.
        expect(await syncSearchIndex(container)).toMatchObject({ missing: 0, stale: 0, extra: 0 })

        const missing = products.find((p) => p.handle === "jute-tote")!
        const renamed = await createProduct(container, "Sync test lamp", { status: ProductStatus.PUBLISHED, salesChannelId: seed.sales_channel_id })
        const repriced = await createProduct(container, "Sync test mug", { status: ProductStatus.PUBLISHED, salesChannelId: seed.sales_channel_id })
        const removed = await createProduct(container, "Sync test crate", { status: ProductStatus.PUBLISHED, salesChannelId: seed.sales_channel_id })
        await syncSearchIndex(container) // in case the ingestion subscriber had not caught up

        // Drift no event reports: a lost document, and catalog writes straight to the database.
        await search.ingest({ name: "product.deleted", data: { id: missing.id } } as any)
        await db.raw(`update product set title = 'Zanzibar reading lamp', updated_at = now() where id = ?`, [renamed.id])
        await db.raw(
          `update price set amount = 250, raw_amount = '{"value":"250","precision":20}', updated_at = now()
           where deleted_at is null and price_set_id in (select vps.price_set_id from product_variant v join product_variant_price_set vps on vps.variant_id = v.id where v.product_id = ?)`,
          [repriced.id]
        )
        await db.raw(`update product set deleted_at = now() where id = ?`, [removed.id])

        const storeSearch = async (q: string) =>
          (await api.post("/store/search", { entity: "product", filters: { q }, fields: ["id"] }, headers(seed.publishable_key))).data.results[0].hits.map((h: { id: string }) => h.id)
        const indexedPrice = async () =>
          ((await search.search({ entity: "product", fields: ["id", "min_price"], filters: { id: repriced.id } } as any)).hits[0]?.document as any)?.min_price?.inr
        expect(await storeSearch("jute tote")).not.toContain(missing.id)
        expect(await storeSearch("zanzibar")).not.toContain(renamed.id)
        expect(await indexedPrice()).toBe(10000)
        expect(await storeSearch("sync test crate")).toContain(removed.id)

        const r = await syncSearchIndex(container)
        expect(r).toMatchObject({ missing: 1, stale: 2, extra: 1 })
        expect(r.indexed).toBe(r.catalog) // one missing, one extra
        expect(await storeSearch("jute tote")).toContain(missing.id)
        expect(await storeSearch("zanzibar")).toContain(renamed.id)
        expect(await indexedPrice()).toBe(25000)
        expect(await storeSearch("sync test crate")).not.toContain(removed.id)

        // The scheduled job logs the counts; a second run finds nothing.
        const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
        const info = jest.spyOn(logger, "info")
        try {
          await searchSyncJob(container)
          expect(info.mock.calls.map((c) => String(c[0])).find((l) => l.startsWith("job search-sync:")))
            .toMatch(/re-indexed 0 missing and 0 stale, removed 0 extra/)
        } finally {
          info.mockRestore()
        }
      })

      it("housekeeping trims carts idle past retention and analytics events past ANALYTICS_RETENTION_DAYS, keeping recent ones", async () => {
        const container = getContainer()
        const carts = container.resolve(Modules.CART)
        const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const [old, recent] = await carts.createCarts([{ currency_code: "inr" }, { currency_code: "inr" }])
        await db.raw(`update cart set updated_at = now() - interval '40 days' where id = ?`, [old.id])
        const events = new PostgresEventStore(db)
        const event = (id: string, daysAgo: number) =>
          ({ id, event: "product.viewed", occurred_at: new Date(Date.now() - daysAgo * 86_400_000), actor_id: null, group_type: null, group_id: null, properties: {} })
        await events.insert([event("hk_old_event", 401), event("hk_recent_event", 399)])
        const r = await runHousekeeping(container)
        expect(r.carts).toBeGreaterThanOrEqual(1)
        expect(r.analytics).toBeGreaterThanOrEqual(1)
        const left = await carts.listCarts({ id: [old.id, recent.id] })
        expect(left.map((c) => c.id)).toEqual([recent.id])
        const { rows } = await db.raw(`select id from analytics_event where id like 'hk_%'`)
        expect(rows.map((e: { id: string }) => e.id)).toEqual(["hk_recent_event"])
      })
    })
  },
})
