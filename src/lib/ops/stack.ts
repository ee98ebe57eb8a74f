import { createHash } from "crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { auditMutation, isAudited } from "./audit"
import { ensureDefaultMetrics, httpDuration, httpInFlight, rateLimitRejections, searchDuration, searchProvider } from "./metrics-catalogue"
import { classify, type RouteClass } from "./rate-limit/budgets"
import { RouteLimiters } from "./rate-limit/limiter"
import { requestContext } from "@indus/observability"
import { ensureRequestId } from "@indus/observability"
import { appConfig } from "../../config"

type OpsRequest = MedusaRequest & { auth_context?: { actor_id?: string }; route?: { path?: unknown } }

/** OPS_MIDDLEWARE=off removes the whole stack (request ids, metrics, rate limits, audit), e.g. for bench/overhead. */
export const opsStackEnabled = () => appConfig().ops.stackEnabled
/**
 * OPS_REQUEST_CONTEXT=off skips the AsyncLocalStorage: on Node 20/22 an active ALS adds a
 * promise hook to every promise in the process (several % of CPU on Medusa's promise-heavy
 * routes, see bench/README.md). Request ids then stay on the access log and our own lines only.
 */
export const requestContextEnabled = () => appConfig().ops.requestContextEnabled
/** RATE_LIMIT=off keeps the rest of the stack but lets every request through. */
export const rateLimitEnabled = () => appConfig().ops.rateLimit.enabled


/**
 * The route template Express matched ("/admin/products/:id"), never the raw path. An answer from
 * the store response cache names its template in `res.locals.routeTemplate`; "unmatched" for 404s.
 */
export function routeTemplate(req: OpsRequest): string {
  const path = req.route?.path
  if (typeof path === "string") return `${req.baseUrl ?? ""}${path}`
  const cached = req.res?.locals?.routeTemplate
  return typeof cached === "string" ? cached : "unmatched"
}

const hashed = (s: string) => createHash("sha256").update(s.trim().toLowerCase()).digest("hex").slice(0, 24)

/** Rate-limit keys: the client IP always, plus the signed-in actor, or for logins the hashed e-mail being tried. */
export function limitKeys(cls: RouteClass, req: OpsRequest): Record<string, string> {
  const keys: Record<string, string> = { ip: req.ip || req.socket?.remoteAddress || "unknown" }
  const actor = req.auth_context?.actor_id
  if (actor) keys.actor = actor
  if (cls === "auth") {
    const body = (req.body ?? {}) as Record<string, unknown>
    const identifier = body.email ?? body.identifier
    if (typeof identifier === "string" && identifier) keys.identifier = hashed(identifier)
  }
  return keys
}

function observe(req: OpsRequest, res: MedusaResponse, path: string) {
  httpInFlight.inc()
  const start = process.hrtime.bigint()
  let done = false
  const finish = () => {
    if (done) return
    done = true
    httpInFlight.dec()
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    const status = String(res.statusCode)
    httpDuration.observe({ method: req.method, route: routeTemplate(req), status }, seconds)
    if (path.startsWith("/store/search")) searchDuration.observe({ provider: searchProvider(), status }, seconds)
  }
  res.once("finish", finish)
  res.once("close", finish)
}

function setRateHeaders(res: MedusaResponse, limit: number, remaining: number, resetS: number) {
  res.setHeader("RateLimit-Limit", String(limit))
  res.setHeader("RateLimit-Remaining", String(Math.max(0, remaining)))
  res.setHeader("RateLimit-Reset", String(resetS))
}

/**
 * The global ops middleware, in one function so the order is explicit:
 * request id (+ async context for logs) → metrics → size guard for webhooks → rate limit → audit hook.
 */
export function createOpsStack() {
  // Built at boot: a bad budget fails the start with its variable's name, and the Redis
  // connection is up before the first request (else early requests fall to the in-memory insurance).
  const limiters = rateLimitEnabled() ? new RouteLimiters() : undefined
  // IPs that are never limited, e.g. a server-rendering storefront all shoppers reach the API through.
  const exempt = appConfig().ops.rateLimit.allowIps
  const webhookMaxBytes = appConfig().ops.webhookMaxBytes
  ensureDefaultMetrics()
  return async function opsStack(req: OpsRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const requestId = ensureRequestId(req as OpsRequest & { requestId?: string })
    res.setHeader("x-request-id", requestId)
    const path = req.originalUrl.split("?")[0]

    const inContext = requestContextEnabled()
      ? (fn: () => Promise<void>) => requestContext.run({ requestId }, fn)
      : (fn: () => Promise<void>) => fn()
    await inContext(async () => {
      observe(req, res, path)

      if (path.startsWith("/hooks/") && Number(req.headers["content-length"] ?? 0) > webhookMaxBytes) {
        res.status(413).json({ type: "payload_too_large", message: `Webhook bodies are limited to ${webhookMaxBytes} bytes.` })
        return
      }

      const cls = limiters && !exempt.has(req.ip ?? "") ? classify(req.method, path) : null
      if (limiters && cls) {
        try {
          const decision = await limiters.consume(cls, limitKeys(cls, req))
          if (!decision.allowed) {
            rateLimitRejections.inc({ class: cls, key: decision.key })
            setRateHeaders(res, decision.limit, 0, decision.retryAfterS)
            res.setHeader("Retry-After", String(decision.retryAfterS))
            res.status(429).json({
              type: "too_many_requests",
              message: `Too many requests; try again in ${decision.retryAfterS} s.`,
            })
            return
          }
          setRateHeaders(res, decision.limit, decision.remaining, decision.resetS)
        } catch (e) {
          // A broken limiter must not take the shop down: let the request through and say so.
          req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`rate limiter unavailable: ${(e as Error).message}`)
        }
      }

      if (isAudited(req.method, path)) auditMutation(req, res, () => routeTemplate(req))
      next()
    })
  }
}
