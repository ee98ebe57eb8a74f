import type { MedusaContainer } from "@medusajs/framework/types"
import { RECOMMENDATIONS_MODULE } from "../modules/recommendations"
import type RecommendationsModuleService from "../modules/recommendations/service"
import { scheduledJob } from "@indus/observability"
import { appConfig, readAppConfig } from "../config"
import { invalidateResponseCache, RECOMMENDATIONS_TAG } from "../lib/response-cache/invalidate"

/** Recomputes "bought together" and category popularity from orders, then drops cached store answers. */
export async function refreshRecommendations(container: MedusaContainer) {
  const service: RecommendationsModuleService = container.resolve(RECOMMENDATIONS_MODULE)
  const result = await service.recompute(appConfig().jobs.recommendations)
  // A failure here leaves old answers until RESPONSE_CACHE_TTL; the job itself still succeeded.
  const cached_dropped = await invalidateResponseCache([RECOMMENDATIONS_TAG], "job").catch(() => -1)
  return { ...result, cached_dropped }
}

export default scheduledJob("recommendations-refresh", async (container, { logger, scheduledFor, startedAt }) => {
  const r = await refreshRecommendations(container)
  logger.info(`job recommendations-refresh: ${r.pairs} pairs, ${r.category_rows} category rows in ${r.ms} ms (scheduled ${scheduledFor?.toISOString()}, started ${startedAt.toISOString()})`)
})

export const config = {
  name: "recommendations-refresh",
  schedule: readAppConfig().jobs.recommendations.cron,
}
