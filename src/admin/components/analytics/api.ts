/// <reference types="vite/client" />
import Medusa from "@medusajs/js-sdk"
import { useQuery } from "@tanstack/react-query"

const sdk = new Medusa({ baseUrl: import.meta.env.VITE_BACKEND_URL || "/", auth: { type: "session" } })

export type DashboardData = {
  store: "postgres" | "elasticsearch"
  range: { from: string; to: string }
  rolled_up_through: string | null
  revenue: { day: string; currency: string; revenue_minor: number; orders: number }[]
  totals: { currency: string; revenue_minor: number; orders: number; aov_minor: number }[]
  regions: { region_id: string; region_name: string | null; currency: string; revenue_minor: number; orders: number; aov_minor: number }[]
  orders_per_day: { day: string; orders: number }[]
  top_products: { product_id: string; title: string | null; orders: number }[]
  top_searches: { query: string; count: number }[]
  zero_result_searches: { query: string; count: number }[]
  funnel: { step: string; carts: number }[]
}

export function useDashboard(range: { from: string; to: string }) {
  return useQuery({
    queryKey: ["analytics-dashboard", range.from, range.to],
    queryFn: () => sdk.client.fetch<DashboardData>("/admin/analytics/dashboard", { query: { from: range.from, to: range.to } }),
  })
}

/** Integer minor units as money, formatted by the shop's one money package. */
export { formatMinor } from "@indus/money"
