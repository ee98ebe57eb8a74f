import { createScratchDatabase } from "@indus/test-kit"
import PostgresAnalyticsProvider from "../service"

jest.setTimeout(30_000)
const quiet = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } as any

describe("analytics-postgres provider", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>
  beforeAll(async () => (scratch = await createScratchDatabase("analytics_pg_provider")))
  afterAll(async () => scratch.drop(), 30_000)

  it("buffers, writes in batches, stores a redelivered event once and keeps occurred_at", async () => {
    const provider = new PostgresAnalyticsProvider({ logger: quiet, __pg_connection__: scratch.db }, { batchSize: 100, flushIntervalMs: 60_000 })
    for (let i = 0; i < 250; i++) await provider.track({ event: "product.viewed", properties: { product_id: `prod_${i % 7}` } })
    const placed = { event: "order.placed", actor_id: "cus_9", properties: { event_id: "order.placed:order_9", occurred_at: "2026-11-01T08:00:00.000Z", value_minor: 4500, currency: "usd" } }
    await provider.track(placed)
    await provider.track(placed)
    await provider.shutdown()
    const rows = await scratch.db("analytics_event").select("*")
    expect(rows).toHaveLength(251)
    const order = rows.find((r: any) => r.id === "order.placed:order_9")
    expect(order).toMatchObject({ event: "order.placed", actor_id: "cus_9", properties: { value_minor: 4500, currency: "usd" } })
    expect(new Date(order.occurred_at).toISOString()).toBe("2026-11-01T08:00:00.000Z")
    expect(order.properties).not.toHaveProperty("event_id")
  })

  it("a dropped table (database restored) is recreated and the buffered events are not lost", async () => {
    const provider = new PostgresAnalyticsProvider({ logger: quiet, __pg_connection__: scratch.db }, { flushIntervalMs: 60_000 })
    await provider.track({ event: "cart.created", properties: { cart_id: "cart_1" } })
    await provider.flush()
    await scratch.db.raw("DROP TABLE analytics_event")
    await provider.track({ event: "cart.created", properties: { cart_id: "cart_2" } })
    await provider.shutdown()
    expect((await scratch.db("analytics_event").select("properties")).map((r: any) => r.properties.cart_id)).toEqual(["cart_2"])
  })
})
