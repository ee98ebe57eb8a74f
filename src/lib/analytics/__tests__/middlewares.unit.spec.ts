import { Modules } from "@medusajs/framework/utils"
import { apiMetrics, checkoutCompleted, productViewed, searchPerformed } from "../middlewares"
import { resetAppConfig } from "../../../config"

/** The store middlewares with a minimal Express-like request/response and a recording Analytics Module. */
function harness(reqInit: Record<string, unknown>) {
  const tracked: any[] = []
  const scope = {
    resolve: (key: string) => {
      if (key === Modules.ANALYTICS) return { track: async (e: unknown) => void tracked.push(e) }
      return { warn: () => {} }
    },
  }
  const listeners: Record<string, () => void> = {}
  const res: any = {
    statusCode: 200,
    locals: {},
    sent: undefined as unknown,
    json(body: unknown) {
      this.sent = body
      return this
    },
    once(ev: string, fn: () => void) {
      listeners[ev] = fn
      return this
    },
  }
  const req: any = { scope, params: {}, body: {}, method: "POST", ...reqInit }
  const settle = () => new Promise((r) => setImmediate(r))
  return { req, res, tracked, listeners, settle }
}

describe("analytics store middlewares", () => {
  it("search performed: reads Medusa's /store/search answer, passes it through unchanged", async () => {
    const h = harness({ body: { queries: [{ entity: "product", filters: { q: "Saree" } }] } })
    let nextCalled = false
    searchPerformed(h.req, h.res, () => (nextCalled = true))
    expect(nextCalled).toBe(true)
    const answer = { results: [{ hits: [], metadata: { count: 0, processing_time_ms: 3 } }] }
    h.res.json(answer)
    expect(h.res.sent).toBe(answer)
    await h.settle()
    expect(h.tracked).toEqual([
      expect.objectContaining({ event: "search.performed", properties: expect.objectContaining({ query: "saree", result_count: 0, zero_results: true, entity: "product" }) }),
    ])
  })

  it("a cart that does not complete because of the payment counts as checkout.failed and payment.failed", async () => {
    const h = harness({ params: { id: "cart_1" }, auth_context: { actor_type: "customer", actor_id: "cus_1" } })
    checkoutCompleted(h.req, h.res, () => {})
    h.res.json({ type: "cart", cart: { id: "cart_1" }, error: { name: "Error", type: "payment_authorization_error", message: "Payment authorization failed" } })
    await h.settle()
    expect(h.tracked.map((e) => [e.event, e.actor_id, e.properties.reason])).toEqual([
      ["checkout.failed", "cus_1", "payment_authorization_error"],
      ["payment.failed", "cus_1", "payment_authorization_error"],
    ])
  })

  it("API metrics: sampled by ANALYTICS_API_SAMPLE_RATE, route template not the raw URL", async () => {
    const before = process.env.ANALYTICS_API_SAMPLE_RATE
    try {
      process.env.ANALYTICS_API_SAMPLE_RATE = "0"
      resetAppConfig()
      const off = harness({ route: { path: "/store/products/:id" }, baseUrl: "", path: "/store/products/prod_123" })
      apiMetrics(off.req, off.res, () => {})
      expect(off.listeners.finish).toBeUndefined()

      process.env.ANALYTICS_API_SAMPLE_RATE = "1"
      resetAppConfig()
      const on = harness({ route: { path: "/store/products/:id" }, baseUrl: "", method: "GET", path: "/store/products/prod_123", originalUrl: "/store/products/prod_123?x=1" })
      on.res.statusCode = 404
      apiMetrics(on.req, on.res, () => {})
      on.listeners.finish()
      await on.settle()
      expect(on.tracked[0].properties).toMatchObject({ route: "/store/products/:id", method: "GET", status: 404, status_class: "4xx", sample_rate: 1 })
    } finally {
      if (before === undefined) delete process.env.ANALYTICS_API_SAMPLE_RATE
      else process.env.ANALYTICS_API_SAMPLE_RATE = before
      resetAppConfig()
    }
  })

  it("API metrics of an answer from the store response cache carry the cache's route template", async () => {
    const before = process.env.ANALYTICS_API_SAMPLE_RATE
    try {
      process.env.ANALYTICS_API_SAMPLE_RATE = "1"
      resetAppConfig()
      const hit = harness({ method: "GET", path: "/store/products/prod_9" })
      apiMetrics(hit.req, hit.res, () => {})
      hit.res.locals.routeTemplate = "/store/products/:id" // what the cache sets; no Express route ran
      hit.listeners.finish()
      await hit.settle()
      expect(hit.tracked[0].properties).toMatchObject({ route: "/store/products/:id", status: 200 })
    } finally {
      if (before === undefined) delete process.env.ANALYTICS_API_SAMPLE_RATE
      else process.env.ANALYTICS_API_SAMPLE_RATE = before
      resetAppConfig()
    }
  })

  it("product viewed: counted from Medusa's answer (with title) and from a cached answer (route never ran)", async () => {
    const miss = harness({ method: "GET", path: "/store/products/prod_1" })
    productViewed(miss.req, miss.res, () => {})
    miss.res.json({ product: { id: "prod_1", title: "Organic Crew Tee" } })
    miss.listeners.finish()
    await miss.settle()
    expect(miss.tracked).toHaveLength(1)
    expect(miss.tracked[0]).toMatchObject({ event: "product.viewed", properties: { product_id: "prod_1", product_title: "Organic Crew Tee" } })

    const hit = harness({ method: "GET", path: "/store/products/prod_1" })
    productViewed(hit.req, hit.res, () => {})
    hit.res.statusCode = 304 // served by the cache with res.end, no res.json
    hit.listeners.finish()
    await hit.settle()
    expect(hit.tracked[0]).toMatchObject({ event: "product.viewed", properties: { product_id: "prod_1", product_title: null } })

    const notFound = harness({ method: "GET", path: "/store/products/prod_x" })
    productViewed(notFound.req, notFound.res, () => {})
    notFound.res.statusCode = 404
    notFound.listeners.finish()
    await notFound.settle()
    expect(notFound.tracked).toHaveLength(0)

    const list = harness({ method: "GET", path: "/store/products" })
    productViewed(list.req, list.res, () => {})
    expect(list.listeners.finish).toBeUndefined()
  })
})
