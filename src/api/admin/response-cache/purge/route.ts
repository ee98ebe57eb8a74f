import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { getResponseCache } from "../../../../lib/response-cache"
import { cacheInvalidations } from "../../../../lib/response-cache/metrics"

/** Drops every cached store answer, in every process (the cache is shared through Redis). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { store } = getResponseCache()
  const before = await store.size().catch(() => 0)
  try {
    await store.purge()
  } catch (e) {
    res.status(503).json({ type: "unavailable", message: `The response cache could not be purged: ${(e as Error).message}` })
    return
  }
  cacheInvalidations.inc({ source: "purge" }, before)
  req.scope.resolve("logger").info(`response-cache: purged ${before} entries (by ${req.auth_context.actor_id})`)
  res.json({ purged: before })
}
