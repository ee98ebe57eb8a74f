import type { Client } from "@elastic/elasticsearch"
import { bounds, FUNNEL_STEPS, type AnalyticsReader, type DayRange, type RevenueRow } from "./reader"

type Bucket = { key: string | number; key_as_string?: string; doc_count: number; [agg: string]: any }

/** Reads the `<prefix>-events` data stream with aggregations (size 0). */
export class ElasticsearchAnalyticsReader implements AnalyticsReader {
  readonly store = "elasticsearch" as const

  constructor(private readonly client: Client, private readonly prefix = "shop") {}

  private async aggs(range: DayRange, events: string[], aggs: Record<string, unknown>, extra: object[] = []) {
    const { start, end } = bounds(range)
    const res = await this.client.search({
      index: `${this.prefix}-events`,
      ignore_unavailable: true,
      allow_no_indices: true,
      size: 0,
      query: {
        bool: {
          filter: [{ terms: { event: events } }, { range: { "@timestamp": { gte: start, lt: end } } }, ...extra],
        },
      },
      aggs: aggs as never,
    })
    return (res.aggregations ?? {}) as Record<string, { buckets: Bucket[] }>
  }

  async dailyRevenue(range: DayRange): Promise<RevenueRow[]> {
    const aggs = await this.aggs(range, ["order.placed"], {
      days: {
        date_histogram: { field: "@timestamp", calendar_interval: "day", time_zone: "UTC", format: "yyyy-MM-dd", min_doc_count: 1 },
        aggs: {
          regions: {
            terms: { field: "properties.region_id", size: 100, missing: "" },
            aggs: {
              currencies: {
                terms: { field: "properties.currency", size: 50 },
                aggs: { revenue: { sum: { field: "properties.value_minor" } } },
              },
            },
          },
        },
      },
    })
    return (aggs.days?.buckets ?? []).flatMap((day) =>
      (day.regions?.buckets ?? []).flatMap((region: Bucket) =>
        (region.currencies?.buckets ?? []).map((cur: Bucket) => ({
          day: day.key_as_string ?? String(day.key),
          region_id: String(region.key),
          currency: String(cur.key),
          revenue_minor: Math.round(cur.revenue?.value ?? 0),
          orders: cur.doc_count,
        }))
      )
    )
  }

  async topProducts(range: DayRange, limit: number) {
    const aggs = await this.aggs(range, ["order.placed"], {
      products: { terms: { field: "properties.product_ids", size: limit, order: [{ _count: "desc" }, { _key: "asc" }] } },
    })
    return (aggs.products?.buckets ?? []).map((b) => ({ product_id: String(b.key), orders: b.doc_count }))
  }

  async topSearches(range: DayRange, limit: number, zeroResultsOnly: boolean) {
    const aggs = await this.aggs(
      range,
      ["search.performed"],
      { queries: { terms: { field: "properties.query", size: limit, order: [{ _count: "desc" }, { _key: "asc" }] } } },
      zeroResultsOnly ? [{ term: { "properties.zero_results": true } }] : []
    )
    return (aggs.queries?.buckets ?? []).map((b) => ({ query: String(b.key), count: b.doc_count }))
  }

  async funnel(range: DayRange) {
    const aggs = await this.aggs(range, [...FUNNEL_STEPS], {
      steps: { terms: { field: "event", size: FUNNEL_STEPS.length }, aggs: { carts: { cardinality: { field: "properties.cart_id" } } } },
    })
    const buckets = aggs.steps?.buckets ?? []
    return FUNNEL_STEPS.map((step) => ({ step, carts: buckets.find((b) => b.key === step)?.carts?.value ?? 0 }))
  }
}
