import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible"
import { opsRedis } from "../redis"
import { appConfig } from "../../../config"
import type { Budget, RouteClass } from "./budgets"

export type Decision = { allowed: true; limit: number; remaining: number; resetS: number } | { allowed: false; limit: number; retryAfterS: number; key: string }

/**
 * One limiter per route class. With REDIS_URL the counters live in Redis, so every process on that
 * Redis shares one budget; an in-memory limiter stands in while Redis is unreachable (insurance),
 * so an outage degrades to per-process limits instead of failing requests.
 */
function build(cls: RouteClass, budget: Budget): RateLimiterAbstract {
  const opts = { keyPrefix: `${appConfig().ops.rateLimit.prefix}:${cls}`, points: budget.points, duration: budget.durationS }
  const redis = opsRedis()
  if (!redis) return new RateLimiterMemory(opts)
  return new RateLimiterRedis({ ...opts, storeClient: redis, insuranceLimiter: new RateLimiterMemory(opts) })
}

export class RouteLimiters {
  private limiters: Record<RouteClass, RateLimiterAbstract>
  constructor(readonly budgets = appConfig().ops.rateLimit.budgets) {
    this.limiters = Object.fromEntries(
      (Object.keys(budgets) as RouteClass[]).map((c) => [c, build(c, budgets[c])])
    ) as Record<RouteClass, RateLimiterAbstract>
  }

  /** Draws one point from every key (e.g. ip and actor); the tightest one decides. */
  async consume(cls: RouteClass, keys: Record<string, string>): Promise<Decision> {
    const limiter = this.limiters[cls]
    const limit = this.budgets[cls].points
    let remaining = limit
    let resetS = 0
    for (const [kind, key] of Object.entries(keys)) {
      try {
        const res = await limiter.consume(`${kind}:${key}`)
        remaining = Math.min(remaining, res.remainingPoints)
        resetS = Math.max(resetS, Math.ceil(res.msBeforeNext / 1000))
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e
        return { allowed: false, limit, retryAfterS: Math.max(1, Math.ceil(e.msBeforeNext / 1000)), key: kind }
      }
    }
    return { allowed: true, limit, remaining, resetS }
  }
}
