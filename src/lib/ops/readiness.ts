import { queueDepths, type QueueDepth } from "./queues"
import { opsRedis } from "./redis"
import { appConfig } from "../../config"

export type CheckStatus = "up" | "down" | "degraded" | "disabled"
export type Check = { status: CheckStatus; required: boolean; latency_ms?: number; error?: string; detail?: unknown }
export type Readiness = {
  status: "ready" | "degraded" | "not_ready"
  checks: Record<string, Check>
  event_bus: { mode: "redis" | "in-memory"; queues: QueueDepth | null }
  uptime_s: number
  memory: { rss_bytes: number; heap_used_bytes: number; heap_total_bytes: number }
}

const timeoutMs = () => appConfig().ops.readinessTimeoutMs

function withTimeout<T>(p: Promise<T>, ms = timeoutMs()): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))),
  ])
}

async function timed(required: boolean, probe: () => Promise<{ status?: CheckStatus; detail?: unknown } | void>): Promise<Check> {
  const start = process.hrtime.bigint()
  const latency = () => Math.round(Number(process.hrtime.bigint() - start) / 1e4) / 100
  try {
    const result = (await withTimeout(probe())) || {}
    return { status: result.status ?? "up", required, latency_ms: latency(), ...(result.detail ? { detail: result.detail } : {}) }
  } catch (e) {
    return { status: required ? "down" : "degraded", required, latency_ms: latency(), error: (e as Error).message }
  }
}

type Pg = { raw: (sql: string) => Promise<unknown> }

/**
 * Readiness of this process: PostgreSQL and (when configured) Redis are required; Elasticsearch is
 * optional: while it is away only search answers 503, the rest of the shop serves, so it can only degrade.
 */
export async function checkReadiness(pg: Pg): Promise<Readiness> {
  const checks: Record<string, Check> = {}
  const redis = opsRedis()
  const esUrl = process.env.ELASTICSEARCH_URL
  const [postgres, redisCheck, es] = await Promise.all([
    timed(true, async () => void (await pg.raw("select 1"))),
    redis
      ? timed(true, async () => {
          if (redis.status !== "ready") throw new Error(`connection ${redis.status}`)
          await redis.ping()
        })
      : Promise.resolve<Check>({ status: "disabled", required: false }),
    esUrl
      ? timed(false, async () => {
          const res = await fetch(new URL("/_cluster/health", esUrl), { signal: AbortSignal.timeout(timeoutMs()) })
          if (!res.ok) throw new Error(`HTTP ${res.status}`)
          const body = (await res.json()) as { status?: string }
          return { status: body.status === "red" ? "degraded" : "up", detail: { cluster_status: body.status } }
        })
      : Promise.resolve<Check>({ status: "disabled", required: false }),
  ])
  checks.postgres = postgres
  checks.redis = redisCheck
  checks.elasticsearch = es

  let queues: QueueDepth | null = null
  if (redisCheck.status === "up") queues = await withTimeout(queueDepths()).catch(() => null)

  const values = Object.values(checks)
  const status = values.some((c) => c.required && c.status === "down")
    ? "not_ready"
    : values.some((c) => c.status === "degraded")
      ? "degraded"
      : "ready"
  const mem = process.memoryUsage()
  return {
    status,
    checks,
    event_bus: { mode: redis ? "redis" : "in-memory", queues },
    uptime_s: Math.round(process.uptime()),
    memory: { rss_bytes: mem.rss, heap_used_bytes: mem.heapUsed, heap_total_bytes: mem.heapTotal },
  }
}
