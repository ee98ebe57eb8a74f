import { createScratchDatabase } from "@indus/test-kit"
import { ElasticsearchFixture } from "../../../../integration-tests/fixtures/elasticsearch-fixture"
import ElasticsearchAnalyticsProvider from "../service"

const quiet = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } as any

jest.setTimeout(30_000)

describe("analytics-elasticsearch provider", () => {
  let fixture: ElasticsearchFixture
  let url: string
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>

  beforeAll(async () => {
    fixture = new ElasticsearchFixture()
    url = await fixture.start()
    scratch = await createScratchDatabase("analytics_es_provider")
  })
  afterAll(async () => {
    await fixture.stop()
    await scratch.drop()
  }, 30_000)

  it("refuses to start without a node URL", () => {
    expect(() => new ElasticsearchAnalyticsProvider({ logger: quiet, __pg_connection__: scratch.db }, {} as any)).toThrow(/ELASTICSEARCH_URL/)
  })

  it("track resolves at once; events reach their data streams by id on shutdown, a redelivered event once", async () => {
    const provider = new ElasticsearchAnalyticsProvider({ logger: quiet, __pg_connection__: scratch.db }, { node: url, dataStreamPrefix: "shop", flushIntervalMs: 60_000 })
    const t0 = Date.now()
    await provider.track({ event: "order.placed", actor_id: "cus_1", properties: { event_id: "order.placed:order_1", order_id: "order_1", value_minor: 219600, currency: "inr" } })
    await provider.track({ event: "order.placed", actor_id: "cus_1", properties: { event_id: "order.placed:order_1", order_id: "order_1", value_minor: 219600, currency: "inr" } })
    await provider.track({ event: "api.request", properties: { route: "/store/products", method: "GET", status: 200, duration_ms: 12.5 } })
    await provider.identify({ actor_id: "cus_1", properties: { plan: "gold" } })
    expect(Date.now() - t0).toBeLessThan(50)
    expect(fixture.bulkRequests).toBe(0) // buffered, not sent per event

    await provider.shutdown()
    const events = fixture.all("shop-events")
    expect(events.map((e) => e.event).sort()).toEqual(["actor.identified", "order.placed"])
    expect(events.find((e) => e.event === "order.placed")).toMatchObject({ event_id: "order.placed:order_1", actor_id: "cus_1", properties: { value_minor: 219600, currency: "inr", order_id: "order_1" } })
    expect(fixture.all("shop-api-metrics")).toEqual([expect.objectContaining({ event: "api.request", properties: expect.objectContaining({ route: "/store/products" }) })])
  })
})
