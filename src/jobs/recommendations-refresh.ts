import type { MedusaContainer } from "@medusajs/framework/types"
import { RECOMMENDATIONS_MODULE, recommendationSettings } from "../modules/recommendations"
import type RecommendationsModuleService from "../modules/recommendations/service"
import { cronFromEnv, scheduledJob } from "../lib/jobs/scheduled-job"

/** Recomputes "bought together" and category popularity from orders. */
export async function refreshRecommendations(container: MedusaContainer) {
  const service: RecommendationsModuleService = container.resolve(RECOMMENDATIONS_MODULE)
  return service.recompute(recommendationSettings())
}

export default scheduledJob("recommendations-refresh", async (container, { logger, scheduledFor, startedAt }) => {
  const r = await refreshRecommendations(container)
  logger.info(`job recommendations-refresh: ${r.pairs} pairs, ${r.category_rows} category rows in ${r.ms} ms (scheduled ${scheduledFor?.toISOString()}, started ${startedAt.toISOString()})`)
})

export const config = {
  name: "recommendations-refresh",
  schedule: cronFromEnv(process.env.RECOMMENDATIONS_CRON, "0 3 * * *"),
}
