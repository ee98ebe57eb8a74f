import { startMetricsServer } from "./src/lib/ops/metrics-server"
import { initSentry, installSentryLogTransport } from "@indus/observability"

/**
 * Medusa calls register() once when `medusa start` boots, in every worker mode (this is its
 * instrumentation hook; OpenTelemetry setup would go here too). We use it to open the internal
 * Prometheus port when METRICS_PORT is set, which is how a worker-mode process is scraped, and to
 * start Sentry error reporting when SENTRY_DSN is set (docs/background-work.md).
 */
export function register() {
  startMetricsServer()
  if (initSentry()) installSentryLogTransport()
}
