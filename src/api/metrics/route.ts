import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { metricsRegistry } from "@indus/observability"
import { metricsAuthorized } from "../../lib/ops/metrics-auth"
import { renderMetrics } from "../../lib/ops/metrics-server"

/** Prometheus scrape endpoint; needs `Authorization: Bearer $METRICS_TOKEN`. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const verdict = metricsAuthorized(req.headers.authorization, process.env.METRICS_TOKEN)
  if (verdict !== "ok") {
    const [status, message] =
      verdict === "disabled"
        ? [403, "Metrics are disabled: set METRICS_TOKEN and scrape with Authorization: Bearer <token>."]
        : [401, "A valid bearer token (METRICS_TOKEN) is required."]
    res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"')
    return res.status(status).json({ type: "unauthorized", message })
  }
  const body = await renderMetrics()
  res.setHeader("Content-Type", metricsRegistry.contentType)
  res.send(body)
}
