import { randomUUID } from "crypto"
import { ApiLoader } from "@medusajs/framework/http"
import { acceptRequestId, requestContext } from "./request-context"

type Req = { requestId?: string; __requestIdChecked?: boolean }

/** Medusa sets req.requestId from x-request-id verbatim; we keep it only when it is a plain token. */
export function ensureRequestId(req: Req): string {
  if (!req.__requestIdChecked) {
    req.requestId = acceptRequestId(req.requestId) ?? randomUUID()
    req.__requestIdChecked = true
  }
  return req.requestId!
}

let installed = false

/**
 * Medusa's body parser, CORS, auth and publishable-key middlewares run before any project
 * middleware, and they log too. ApiLoader.traceMiddleware is Medusa's instrumentation hook around
 * each of them (its OpenTelemetry support uses it); we compose with whatever is there and enter
 * the request's async context, so their lines carry the request id as well.
 */
export function installRequestContextHook() {
  if (installed) return
  installed = true
  const previous = ApiLoader.traceMiddleware
  ApiLoader.traceMiddleware = (handler, route) => {
    const inner = (previous ? previous(handler, route) : handler) as (req: any, res: any, next: any) => unknown
    return function withRequestContext(req: any, res: any, next: any) {
      return requestContext.run({ requestId: ensureRequestId(req) }, () => inner(req, res, next))
    } as typeof handler
  }
}
