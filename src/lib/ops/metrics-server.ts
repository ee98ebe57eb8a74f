import http from "http"
import { metricsRegistry } from "@indus/observability"
import { metricsAuthorized } from "./metrics-auth"
import { ensureDefaultMetrics } from "./metrics-catalogue"
import { sampleQueueMetrics } from "./queues"
import { readAppConfig } from "../../config"

/** Body of a scrape: refreshes the sampled gauges, then the registry's text. */
export async function renderMetrics(): Promise<string> {
  ensureDefaultMetrics()
  await sampleQueueMetrics()
  return metricsRegistry.metrics()
}

let server: http.Server | undefined

/**
 * The internal metrics port (METRICS_PORT). A worker-mode process serves no API routes, yet its
 * subscribers and scheduled jobs are where payments and job metrics happen, so each process can
 * expose its own registry here. Same bearer-token rule as /metrics on the main port.
 */
export function startMetricsServer(port = readAppConfig().ops.metricsPort): http.Server | undefined {
  if (!port || server) return server
  server = http.createServer(async (req, res) => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ message: "Only GET /metrics is served here." }))
      return
    }
    const verdict = metricsAuthorized(req.headers.authorization, process.env.METRICS_TOKEN)
    if (verdict !== "ok") {
      res.writeHead(verdict === "disabled" ? 403 : 401, { "content-type": "application/json", "www-authenticate": 'Bearer realm="metrics"' })
      res.end(JSON.stringify({ message: "A valid bearer token (METRICS_TOKEN) is required." }))
      return
    }
    try {
      const body = await renderMetrics()
      res.writeHead(200, { "content-type": metricsRegistry.contentType }).end(body)
    } catch (e) {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ message: "metrics unavailable" }))
    }
  })
  server.listen(port, readAppConfig().ops.metricsHost)
  server.unref() // never keeps a stopping process alive
  return server
}
