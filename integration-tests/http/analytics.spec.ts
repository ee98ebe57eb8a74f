import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedDemo, type SeedResult } from "../helpers/seed"
import { findVariant, guestCheckout, headers } from "../helpers/store"
import { adminAuth } from "../helpers/admin"
import { runDailyRollup } from "../../src/lib/analytics/rollup"
import { PostgresAnalyticsReader } from "../../src/lib/analytics/pg-reader"

jest.setTimeout(180 * 1000)

const paise = (amount: number) => Math.round(amount * 100)
/** 2 tees at ₹799, a mug at ₹499, ₹99 shipping; GST is included in Indian prices. */
const ORDER_PAISE = 2 * 79900 + 49900 + 9900
const today = () => new Date().toISOString().slice(0, 10)

/** The embedded default store (no ELASTICSEARCH_URL): events land in analytics_event. */
medusaIntegrationTestRunner({
  inApp: true,
  env: { ELASTICSEARCH_URL: "", ANALYTICS_API_SAMPLE_RATE: "1" },
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let order: any
    let cart: any
    let tee: any
    let mug: any

    const db = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    async function eventsWhere(filter: (q: any) => any, atLeast = 1, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs
      for (;;) {
        const rows = await filter(db()("analytics_event")).catch((e: { code?: string }) => {
          if (e.code === "42P01") return [] // table appears with the first flush
          throw e
        })
        if (rows.length >= atLeast || Date.now() > until) return rows
        await new Promise((r) => setTimeout(r, 200))
      }
    }

    beforeAll(async () => {
      process.env.ANALYTICS_API_SAMPLE_RATE = "1"
      seed = await seedDemo(getContainer())
    })

    async function checkout() {
      const region = seed.region_ids.in
      tee = await findVariant(api, seed.publishable_key, "organic-crew-tee", region)
      mug = await findVariant(api, seed.publishable_key, "stoneware-mug", region)
      ;({ order, cart } = await guestCheckout(api, seed.publishable_key, {
        regionId: region,
        items: [
          { variant_id: tee.variant.id, quantity: 2 },
          { variant_id: mug.variant.id, quantity: 1 },
        ],
        shippingOptionName: "Standard Delivery",
      }))
      expect(paise(order.total)).toBe(ORDER_PAISE)
      await eventsWhere((q) => q.where({ id: `order.placed:${order.id}` }))
    }

    it("a storefront checkout produces an order-placed event with the right value and currency", async () => {
      await checkout()
      const [event] = await eventsWhere((q) => q.where({ id: `order.placed:${order.id}` }))
      expect(event).toBeDefined()
      expect(event.event).toBe("order.placed")
      expect(event.properties).toMatchObject({
        order_id: order.id,
        currency: "inr",
        value_minor: ORDER_PAISE,
        region_id: seed.region_ids.in,
        region_name: "India",
        item_count: 3,
        payment_provider: "pp_system_default",
      })
      expect(event.properties.product_ids.sort()).toEqual([tee.product.id, mug.product.id].sort())
      expect(event.properties.items).toEqual(
        expect.arrayContaining([expect.objectContaining({ product_id: tee.product.id, quantity: 2, unit_price_minor: 79900 })])
      )
      // no PII: the guest's e-mail, name, phone and address never reach the event
      const stored = JSON.stringify(event)
      for (const pii of ["guest@example.com", "Shopper", "MG Road", "9800000000", "560001"]) expect(stored).not.toContain(pii)
    })

    it("the checkout funnel, a product view and sampled API metrics are tracked along the way", async () => {
      await api.get(`/store/products/${(await findVariant(api, seed.publishable_key, "organic-crew-tee", seed.region_ids.in)).product.id}`, headers(seed.publishable_key))
      await checkout()
      const funnel = await eventsWhere(
        (q) => q.whereRaw("properties->>'cart_id' = ?", [cart.id]).whereIn("event", ["cart.created", "cart.line_added", "checkout.started", "checkout.completed"]),
        5
      )
      const names = funnel.map((e: any) => e.event).sort()
      expect(names).toEqual(["cart.created", "cart.line_added", "cart.line_added", "checkout.completed", "checkout.started"])
      expect(funnel.find((e: any) => e.event === "checkout.completed").properties.order_id).toBe(order.id)

      const [viewed] = await eventsWhere((q) => q.where({ event: "product.viewed" }).whereRaw("properties->>'product_id' = ?", [tee.product.id]))
      expect(viewed.properties.product_title).toBe(tee.product.title)

      const metrics = await eventsWhere((q) => q.where({ event: "api.request" }).whereRaw("properties->>'route' = ?", ["/store/carts/:id/line-items"]), 2)
      expect(metrics.length).toBeGreaterThanOrEqual(2)
      expect(metrics[0].properties).toMatchObject({ method: "POST", status: 200, status_class: "2xx", sample_rate: 1 })
      expect(typeof metrics[0].properties.duration_ms).toBe("number")
    })

    it("payment captured and refunded, and a new customer, are tracked in minor units and by id only", async () => {
      await checkout()
      const auth = await adminAuth(api, getContainer())
      const { data: { order: full } } = await api.get(`/admin/orders/${order.id}?fields=id,*payment_collections.payments`, auth)
      const payment = full.payment_collections[0].payments[0]
      await api.post(`/admin/payments/${payment.id}/capture`, {}, auth)
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 100 }, auth) // ₹100
      const [captured] = await eventsWhere((q) => q.where({ event: "payment.captured" }).whereRaw("properties->>'payment_id' = ?", [payment.id]))
      expect(captured.properties).toMatchObject({ currency: "inr", amount_minor: ORDER_PAISE, payment_provider: "pp_system_default" })
      const [refunded] = await eventsWhere((q) => q.where({ event: "payment.refunded" }).whereRaw("properties->>'payment_id' = ?", [payment.id]))
      expect(refunded.properties).toMatchObject({ currency: "inr", amount_minor: 10000 })

      const email = "new.shopper@example.com"
      const { data: { token } } = await api.post("/auth/customer/emailpass/register", { email, password: "a-long-password-1" })
      const { data: { customer } } = await api.post(
        "/store/customers",
        { email, first_name: "Asha", last_name: "Verma" },
        { headers: { ...headers(seed.publishable_key).headers, authorization: `Bearer ${token}` } }
      )
      const [created] = await eventsWhere((q) => q.where({ id: `customer.created:${customer.id}` }))
      expect(created).toMatchObject({ event: "customer.created", actor_id: customer.id })
      expect(JSON.stringify(created)).not.toMatch(/new\.shopper|Asha|Verma/)
    })

    it("the admin dashboard shows revenue, AOV, top products and the funnel; bad ranges get a 400", async () => {
      await checkout()
      const auth = await adminAuth(api, getContainer())
      const { data } = await api.get(`/admin/analytics/dashboard?from=${today()}&to=${today()}`, auth)
      expect(data.store).toBe("postgres")
      expect(data.revenue).toEqual([{ day: today(), currency: "inr", revenue_minor: ORDER_PAISE, orders: 1 }])
      expect(data.totals).toEqual([{ currency: "inr", revenue_minor: ORDER_PAISE, orders: 1, aov_minor: ORDER_PAISE }])
      expect(data.regions[0]).toMatchObject({ region_id: seed.region_ids.in, region_name: "India", orders: 1 })
      expect(data.top_products.map((p: any) => p.title).sort()).toEqual([mug.product.title, tee.product.title].sort())
      expect(data.funnel).toEqual([
        { step: "cart.created", carts: 1 },
        { step: "cart.line_added", carts: 1 },
        { step: "checkout.started", carts: 1 },
        { step: "checkout.completed", carts: 1 },
      ])

      for (const bad of ["from=2024-13-01", "from=2025-02-01&to=2025-01-01", "from=2020-01-01&to=2025-01-01", "limit=0", "evil=1"]) {
        const res = await api.get(`/admin/analytics/dashboard?${bad}`, { ...auth, validateStatus: () => true })
        expect([bad, res.status]).toEqual([bad, 400])
        expect(res.data.message).toMatch(/Invalid request/)
      }
      const anonymous = await api.get("/admin/analytics/dashboard", { validateStatus: () => true })
      expect(anonymous.status).toBe(401)
    })

    it("the daily rollup stores revenue, orders per region and day, and the dashboard counts them once", async () => {
      await checkout()
      const tomorrow = new Date(Date.now() + 24 * 3600 * 1000)
      const result = await runDailyRollup(new PostgresAnalyticsReader(db()), db(), tomorrow)
      expect(result.to).toBe(today())
      const rows = await db()("analytics_daily_rollup").whereRaw("day = ?::date", [today()])
      expect(rows.map((r: any) => ({ region_id: r.region_id, currency: r.currency, revenue_minor: Number(r.revenue_minor), orders: r.orders }))).toEqual([
        { region_id: seed.region_ids.in, currency: "inr", revenue_minor: ORDER_PAISE, orders: 1 },
      ])
      await runDailyRollup(new PostgresAnalyticsReader(db()), db(), tomorrow) // idempotent
      expect(await db()("analytics_daily_rollup").whereRaw("day = ?::date", [today()])).toHaveLength(1)

      const auth = await adminAuth(api, getContainer())
      const { data } = await api.get(`/admin/analytics/dashboard?from=${today()}&to=${today()}`, auth)
      expect(data.rolled_up_through).toBe(today())
      expect(data.totals).toEqual([{ currency: "inr", revenue_minor: ORDER_PAISE, orders: 1, aov_minor: ORDER_PAISE }])
    })
  },
})
