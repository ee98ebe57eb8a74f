import { Client } from "@elastic/elasticsearch"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Mock = require("@elastic/elasticsearch-mock")
import { ElasticsearchAnalyticsReader } from "../es-reader"

/**
 * The Elasticsearch read side: the search requests it sends (data stream, event filter, time
 * range, aggregations) and how it reads documented aggregation responses back.
 */
describe("ElasticsearchAnalyticsReader", () => {
  const mock = new Mock()
  const client = new Client({ node: "http://localhost:9200", Connection: mock.getConnection() })
  const reader = new ElasticsearchAnalyticsReader(client, "shop")
  const requests: any[] = []
  const range = { from: "2026-11-01", to: "2026-11-02" }

  function answer(aggregations: unknown) {
    mock.clearAll()
    mock.add({ method: ["POST", "GET"], path: "/shop-events/_search" }, (params: any) => {
      requests.push({ path: params.path, querystring: params.querystring, body: params.body })
      return { took: 2, timed_out: false, hits: { total: { value: 0, relation: "eq" }, hits: [] }, aggregations }
    })
  }

  beforeEach(() => (requests.length = 0))

  it("daily revenue: one row per day, region and currency, from date_histogram > terms > terms > sum", async () => {
    answer({
      days: {
        buckets: [
          {
            key_as_string: "2026-11-01", key: 1, doc_count: 3,
            regions: { buckets: [{ key: "reg_in", doc_count: 3, currencies: { buckets: [{ key: "inr", doc_count: 3, revenue: { value: 659100 } }] } }] },
          },
          {
            key_as_string: "2026-11-02", key: 2, doc_count: 1,
            regions: { buckets: [{ key: "reg_us", doc_count: 1, currencies: { buckets: [{ key: "usd", doc_count: 1, revenue: { value: 4500 } }] } }] },
          },
        ],
      },
    })
    expect(await reader.dailyRevenue(range)).toEqual([
      { day: "2026-11-01", region_id: "reg_in", currency: "inr", revenue_minor: 659100, orders: 3 },
      { day: "2026-11-02", region_id: "reg_us", currency: "usd", revenue_minor: 4500, orders: 1 },
    ])
    const { body, querystring } = requests[0]
    expect(body.size).toBe(0)
    expect(body.query.bool.filter).toEqual([
      { terms: { event: ["order.placed"] } },
      { range: { "@timestamp": { gte: "2026-11-01T00:00:00.000Z", lt: "2026-11-03T00:00:00.000Z" } } },
    ])
    expect(body.aggs.days.date_histogram).toMatchObject({ field: "@timestamp", calendar_interval: "day", time_zone: "UTC" })
    expect(body.aggs.days.aggs.regions.aggs.currencies.aggs.revenue).toEqual({ sum: { field: "properties.value_minor" } })
    // a data stream not created yet is an empty dashboard, not an error
    expect(querystring).toMatchObject({ ignore_unavailable: "true", allow_no_indices: "true" })
  })

  it("zero-result searches filter on properties.zero_results; the funnel counts distinct carts per step", async () => {
    answer({ queries: { buckets: [{ key: "zzz", doc_count: 4 }] } })
    expect(await reader.topSearches(range, 5, true)).toEqual([{ query: "zzz", count: 4 }])
    expect(requests[0].body.query.bool.filter).toContainEqual({ term: { "properties.zero_results": true } })
    expect(requests[0].body.aggs.queries.terms).toMatchObject({ field: "properties.query", size: 5 })

    answer({ steps: { buckets: [{ key: "cart.created", doc_count: 9, carts: { value: 7 } }, { key: "checkout.completed", doc_count: 2, carts: { value: 2 } }] } })
    expect(await reader.funnel(range)).toEqual([
      { step: "cart.created", carts: 7 },
      { step: "cart.line_added", carts: 0 },
      { step: "checkout.started", carts: 0 },
      { step: "checkout.completed", carts: 2 },
    ])
    expect(requests[1].body.aggs.steps.aggs.carts).toEqual({ cardinality: { field: "properties.cart_id" } })
  })
})
