import { errorHandler, type MedusaErrorHandlerFunction, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"

const coreErrorHandler = errorHandler()

/**
 * Medusa's error handler (or `fallback`), plus one case: when the search engine does not answer,
 * the provider throws an error with `code: "search_unavailable"`, answered as 503 with a
 * Retry-After header and a message a storefront can show, instead of a generic 500.
 */
export function withSearchUnavailable(fallback: MedusaErrorHandlerFunction = coreErrorHandler) {
  return (err: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    if (err?.code === "search_unavailable") {
      const retryAfter = Math.max(1, Math.ceil(Number(err.retry_after_ms ?? 5000) / 1000))
      res.setHeader("Retry-After", String(retryAfter))
      res.status(503).json({ type: "search_unavailable", code: "search_unavailable", message: err.message })
      return
    }
    return fallback(err, req as any, res, next)
  }
}

export const searchAwareErrorHandler = withSearchUnavailable()
