import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkReadiness } from "../../../lib/ops/readiness"

/** Readiness per dependency: 200 when every required one is up (Elasticsearch may only degrade), else 503. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const readiness = await checkReadiness(pg)
  res.setHeader("Cache-Control", "no-store")
  res.status(readiness.status === "not_ready" ? 503 : 200).json(readiness)
}
