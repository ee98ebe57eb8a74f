import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { activeReader } from "../../../../lib/analytics/active-store"
import { buildDashboard } from "../../../../lib/analytics/dashboard"
import { DashboardQuery, resolveRange } from "../../../../lib/analytics/range"

/**
 * GET /admin/analytics/dashboard?from=YYYY-MM-DD&to=YYYY-MM-DD&limit=10
 * Revenue per day and currency, orders, AOV, regions, top products, searches and the funnel,
 * from whichever analytics store is active. Money is integer minor units.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const parsed = DashboardQuery.safeParse(req.query)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${issue.path.join(".") || "query"}: ${issue.message}`)
  }
  let range
  try {
    range = resolveRange(parsed.data)
  } catch (e) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${(e as Error).message}`)
  }
  const db = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const dashboard = await buildDashboard(activeReader(db), db, range, parsed.data.limit ?? 10)

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const productIds = dashboard.top_products.map((p) => p.product_id)
  const regionIds = [...new Set(dashboard.regions.map((r) => r.region_id).filter(Boolean))]
  const [{ data: products }, { data: regions }] = await Promise.all([
    productIds.length ? query.graph({ entity: "product", fields: ["id", "title"], filters: { id: productIds } }) : { data: [] },
    regionIds.length ? query.graph({ entity: "region", fields: ["id", "name"], filters: { id: regionIds } }) : { data: [] },
  ])
  const title = new Map<string, string>(products.map((p: { id: string; title: string }) => [p.id, p.title] as const))
  const regionName = new Map<string, string>(regions.map((r: { id: string; name: string }) => [r.id, r.name] as const))

  res.json({
    ...dashboard,
    top_products: dashboard.top_products.map((p) => ({ ...p, title: title.get(p.product_id) ?? null })),
    regions: dashboard.regions.map((r) => ({ ...r, region_name: regionName.get(r.region_id) ?? null })),
  })
}
