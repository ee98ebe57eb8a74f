import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { activeReader } from "../lib/analytics/active-store"
import { runDailyRollup } from "../lib/analytics/rollup"

/** Rolls finished days up into analytics_daily_rollup (revenue, orders, AOV per region and day). */
export default async function analyticsDailyRollup(container: MedusaContainer) {
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const result = await runDailyRollup(activeReader(db), db)
  logger.info(`analytics rollup: ${result.rows} row(s) for ${result.from}..${result.to}`)
}

export const config = { name: "analytics-daily-rollup", schedule: "15 0 * * *" }
