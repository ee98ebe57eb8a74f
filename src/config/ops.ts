import { env } from "@indus/plugin-options"
import { DEFAULT_BUDGETS, parseBudget, type Budget, type RouteClass } from "../lib/ops/rate-limit/budgets"
import { shapes, type EnvOf } from "./schemas"

/** Request ids, metrics, rate limits, audit, readiness (docs/operations.md). */
export const OPS_ENV = {
  OPS_MIDDLEWARE: env.bool(),
  OPS_REQUEST_CONTEXT: env.bool(),
  RATE_LIMIT: env.bool(),
  RATE_LIMIT_AUTH: shapes.budget(),
  RATE_LIMIT_CHECKOUT: shapes.budget(),
  RATE_LIMIT_CATALOG: shapes.budget(),
  RATE_LIMIT_ADMIN: shapes.budget(),
  RATE_LIMIT_PAYMENT_PROOF: shapes.budget(),
  RATE_LIMIT_ALLOW_IPS: env.list(),
  RATE_LIMIT_PREFIX: env.string(),
  WEBHOOK_MAX_BODY_BYTES: env.int({ min: 1 }),
  READINESS_TIMEOUT_MS: env.int({ min: 1 }),
  METRICS_PORT: env.int({ min: 1, max: 65535 }),
  METRICS_HOST: env.string(),
  AUDIT_LOG_RETENTION_DAYS: env.int({ min: 1 }),
}

const fallback = (c: RouteClass) => parseBudget(DEFAULT_BUDGETS[c])

export function opsConfig(e: EnvOf<typeof OPS_ENV>) {
  const budgets: Record<RouteClass, Budget> = {
    auth: e.RATE_LIMIT_AUTH ?? fallback("auth"),
    checkout: e.RATE_LIMIT_CHECKOUT ?? fallback("checkout"),
    catalog: e.RATE_LIMIT_CATALOG ?? fallback("catalog"),
    admin: e.RATE_LIMIT_ADMIN ?? fallback("admin"),
    payment_proof: e.RATE_LIMIT_PAYMENT_PROOF ?? fallback("payment_proof"),
  }
  return {
    /** OPS_MIDDLEWARE=off removes the whole stack, e.g. for bench/overhead. */
    stackEnabled: e.OPS_MIDDLEWARE ?? true,
    requestContextEnabled: e.OPS_REQUEST_CONTEXT ?? true,
    rateLimit: {
      enabled: e.RATE_LIMIT ?? true,
      budgets,
      allowIps: new Set(e.RATE_LIMIT_ALLOW_IPS ?? []),
      prefix: e.RATE_LIMIT_PREFIX ?? "rl",
    },
    webhookMaxBytes: e.WEBHOOK_MAX_BODY_BYTES ?? 64 * 1024,
    readinessTimeoutMs: e.READINESS_TIMEOUT_MS ?? 1500,
    /** undefined: no separate metrics listener. */
    metricsPort: e.METRICS_PORT,
    metricsHost: e.METRICS_HOST ?? "0.0.0.0",
    auditLogRetentionDays: e.AUDIT_LOG_RETENTION_DAYS ?? 365,
  }
}
