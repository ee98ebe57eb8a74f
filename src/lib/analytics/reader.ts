/** Read side of the active analytics store (PostgreSQL table or Elasticsearch data streams). */
export type DayRange = { from: string; to: string } // inclusive YYYY-MM-DD, UTC

export type RevenueRow = { day: string; region_id: string; currency: string; revenue_minor: number; orders: number }

export const FUNNEL_STEPS = ["cart.created", "cart.line_added", "checkout.started", "checkout.completed"] as const

export interface AnalyticsReader {
  readonly store: "postgres" | "elasticsearch"
  dailyRevenue(range: DayRange): Promise<RevenueRow[]>
  topProducts(range: DayRange, limit: number): Promise<{ product_id: string; orders: number }[]>
  topSearches(range: DayRange, limit: number, zeroResultsOnly: boolean): Promise<{ query: string; count: number }[]>
  /** Distinct carts that reached each step. */
  funnel(range: DayRange): Promise<{ step: string; carts: number }[]>
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00.000Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** [start, end) instants of an inclusive day range. */
export function bounds(range: DayRange): { start: string; end: string } {
  return { start: `${range.from}T00:00:00.000Z`, end: `${addDays(range.to, 1)}T00:00:00.000Z` }
}
