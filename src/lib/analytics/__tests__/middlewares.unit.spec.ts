import { Modules } from "@medusajs/framework/utils"
import { apiMetrics, checkoutCompleted, searchPerformed } from "../middlewares"

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
      const off = harness({ route: { path: "/store/products/:id" }, baseUrl: "" })
      apiMetrics(off.req, off.res, () => {})
      expect(off.listeners.finish).toBeUndefined()

      process.env.ANALYTICS_API_SAMPLE_RATE = "1"
      const on = harness({ route: { path: "/store/products/:id" }, baseUrl: "", method: "GET", originalUrl: "/store/products/prod_123?x=1" })
      on.res.statusCode = 404
      apiMetrics(on.req, on.res, () => {})
      on.listeners.finish()
      await on.settle()
      expect(on.tracked[0].properties).toMatchObject({ route: "/store/products/:id", method: "GET", status: 404, status_class: "4xx", sample_rate: 1 })
    } finally {
      if (before === undefined) delete process.env.ANALYTICS_API_SAMPLE_RATE
      else process.env.ANALYTICS_API_SAMPLE_RATE = before
    }
  })
})
