import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { addDays, type AnalyticsReader, type DayRange, type RevenueRow } from "./reader"
import { rolledUpThrough, rollupRows } from "./rollup"

export type Dashboard = Awaited<ReturnType<typeof buildDashboard>>

const aov = (revenue: number, orders: number) => (orders ? Math.round(revenue / orders) : 0)

/** Sums rows by a key; revenue stays integer minor units. */
function sumBy<K extends string>(rows: RevenueRow[], key: (r: RevenueRow) => string, shape: (r: RevenueRow) => Record<K, string>) {
  const map = new Map<string, Record<K, string> & { revenue_minor: number; orders: number }>()
  for (const r of rows) {
    const k = key(r)
    const acc = map.get(k) ?? { ...shape(r), revenue_minor: 0, orders: 0 }
    acc.revenue_minor += r.revenue_minor
    acc.orders += r.orders
    map.set(k, acc)
  }
  return [...map.values()]
}

/**
 * The admin dashboard: finished days come from the daily rollup table, the days after it
 * (today, or everything before the first rollup run) live from the store.
 */
export async function buildDashboard(reader: AnalyticsReader, db: Knex, range: DayRange, limit = 10) {
  const through = await rolledUpThrough(db)
  const rolled = through && through >= range.from ? await rollupRows(db, range.from, through < range.to ? through : range.to) : []
  const liveFrom = through && through >= range.from ? addDays(through, 1) : range.from
  const live = liveFrom <= range.to ? await reader.dailyRevenue({ from: liveFrom, to: range.to }) : []
  const rows = [...rolled, ...live]

  const [topProducts, topSearches, zeroResultSearches, funnel] = await Promise.all([
    reader.topProducts(range, limit),
    reader.topSearches(range, limit, false),
    reader.topSearches(range, limit, true),
    reader.funnel(range),
  ])

  const revenue = sumBy(rows, (r) => `${r.day}|${r.currency}`, (r) => ({ day: r.day, currency: r.currency })).sort(
    (a, b) => a.day.localeCompare(b.day) || a.currency.localeCompare(b.currency)
  )
  const totals = sumBy(rows, (r) => r.currency, (r) => ({ currency: r.currency }))
    .map((t) => ({ ...t, aov_minor: aov(t.revenue_minor, t.orders) }))
    .sort((a, b) => a.currency.localeCompare(b.currency))
  const regions = sumBy(rows, (r) => `${r.region_id}|${r.currency}`, (r) => ({ region_id: r.region_id, currency: r.currency }))
    .map((t) => ({ ...t, aov_minor: aov(t.revenue_minor, t.orders) }))
    .sort((a, b) => b.orders - a.orders)
  const ordersPerDay = sumBy(rows, (r) => r.day, (r) => ({ day: r.day }))
    .map(({ day, orders }) => ({ day, orders }))
    .sort((a, b) => a.day.localeCompare(b.day))

  return {
    store: reader.store,
    range,
    rolled_up_through: through,
    revenue,
    totals,
    regions,
    orders_per_day: ordersPerDay,
    top_products: topProducts,
    top_searches: topSearches,
    zero_result_searches: zeroResultSearches,
    funnel,
  }
}
