import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getResponseCache } from "../../../lib/response-cache"
import { processTotals } from "../../../lib/response-cache/metrics"

/** Cache status for staff: backend, entry count, this process's hit rate. */
export async function GET(_req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { config, store } = getResponseCache()
  const entries = await store.size().catch(() => null)
  res.json({
    response_cache: {
      enabled: config.enabled,
      backend: store.kind,
      available: entries !== null,
      entries,
      ttl_seconds: config.ttlSeconds,
      process: await processTotals(),
    },
  })
}
