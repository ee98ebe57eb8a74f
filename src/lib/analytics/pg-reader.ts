import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { bounds, FUNNEL_STEPS, type AnalyticsReader, type DayRange, type RevenueRow } from "./reader"

/** Reads the `analytics_event` table written by src/modules/analytics-postgres. */
export class PostgresAnalyticsReader implements AnalyticsReader {
  readonly store = "postgres" as const

  constructor(private readonly db: Knex, private readonly table = "analytics_event") {}

  /** No event tracked yet means no table yet: an empty answer, not an error. */
  private async rows<T>(sql: string, bindings: unknown[]): Promise<T[]> {
    try {
      return (await this.db.raw(sql, bindings as never)).rows as T[]
    } catch (e) {
      if ((e as { code?: string }).code === "42P01") return []
      throw e
    }
  }

  async dailyRevenue(range: DayRange): Promise<RevenueRow[]> {
    const { start, end } = bounds(range)
    const rows = await this.rows<{ day: string; region_id: string; currency: string; revenue_minor: string; orders: string }>(
      `SELECT to_char((occurred_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day,
              coalesce(properties->>'region_id', '') AS region_id, properties->>'currency' AS currency,
              sum((properties->>'value_minor')::bigint) AS revenue_minor, count(*) AS orders
         FROM ${this.table}
        WHERE event = 'order.placed' AND occurred_at >= ? AND occurred_at < ?
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [start, end]
    )
    return rows.map((r) => ({ ...r, revenue_minor: Number(r.revenue_minor), orders: Number(r.orders) }))
  }

  async topProducts(range: DayRange, limit: number) {
    const { start, end } = bounds(range)
    const rows = await this.rows<{ product_id: string; orders: string }>(
      `SELECT p.product_id, count(*) AS orders
         FROM ${this.table} e, jsonb_array_elements_text(coalesce(e.properties->'product_ids', '[]'::jsonb)) AS p(product_id)
        WHERE e.event = 'order.placed' AND e.occurred_at >= ? AND e.occurred_at < ?
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?`,
      [start, end, limit]
    )
    return rows.map((r) => ({ product_id: r.product_id, orders: Number(r.orders) }))
  }

  async topSearches(range: DayRange, limit: number, zeroResultsOnly: boolean) {
    const { start, end } = bounds(range)
    const rows = await this.rows<{ query: string; count: string }>(
      `SELECT properties->>'query' AS query, count(*) AS count
         FROM ${this.table}
        WHERE event = 'search.performed' AND occurred_at >= ? AND occurred_at < ?
          ${zeroResultsOnly ? "AND (properties->>'zero_results')::boolean" : ""}
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?`,
      [start, end, limit]
    )
    return rows.map((r) => ({ query: r.query, count: Number(r.count) }))
  }

  async funnel(range: DayRange) {
    const { start, end } = bounds(range)
    const rows = await this.rows<{ event: string; carts: string }>(
      `SELECT event, count(DISTINCT properties->>'cart_id') AS carts
         FROM ${this.table}
        WHERE event = ANY(?) AND occurred_at >= ? AND occurred_at < ?
        GROUP BY 1`,
      [[...FUNNEL_STEPS], start, end]
    )
    return FUNNEL_STEPS.map((step) => ({ step, carts: Number(rows.find((r) => r.event === step)?.carts ?? 0) }))
  }
}
