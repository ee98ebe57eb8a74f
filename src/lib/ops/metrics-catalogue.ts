import { collectDefaultMetrics } from "prom-client"
import { counter, gauge, histogram, metricsRegistry } from "@indus/observability"

/** Every operational metric the app exposes at /metrics, declared once. */

let defaultsCollected = false
export function ensureDefaultMetrics() {
  if (defaultsCollected || metricsRegistry.getSingleMetric("process_cpu_user_seconds_total")) return
  collectDefaultMetrics({ register: metricsRegistry })
  defaultsCollected = true
}

export const httpDuration = histogram({
  name: "http_request_duration_seconds",
  help: "HTTP request duration by method, route template and status code",
  labelNames: ["method", "route", "status"],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
})

export const httpInFlight = gauge({
  name: "http_requests_in_flight",
  help: "HTTP requests being served right now",
})

export const queueJobs = gauge({
  name: "queue_jobs",
  help: "Jobs in the event-bus and workflow queues by state (waiting, active, delayed, failed); sampled on scrape",
  labelNames: ["queue", "state"],
})

export const payments = counter({
  name: "payments_total",
  help: "Payments by provider and outcome (authorized, captured, refunded, canceled)",
  labelNames: ["provider", "outcome"],
})

export const searchDuration = histogram({
  name: "search_request_duration_seconds",
  help: "Store search latency by search provider and status",
  labelNames: ["provider", "status"],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
})

export const rateLimitRejections = counter({
  name: "rate_limit_rejections_total",
  help: "Requests answered 429 by route class and the key that ran out (ip, actor, identifier)",
  labelNames: ["class", "key"],
})

export const searchProvider = () => (process.env.ELASTICSEARCH_URL ? "elasticsearch" : "postgres")
