import { errors } from "@elastic/elasticsearch"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Elasticsearch is unreachable or too slow. Carries HTTP status 503 and a stable `code`, so the
 * app's error handler can answer "503 search unavailable" instead of a generic 500.
 */
export class SearchUnavailableError extends Error {
  readonly code = "search_unavailable"
  readonly status = 503
  readonly type = "search_unavailable"
  constructor(message: string, readonly retry_after_ms: number) {
    super(message)
    this.name = "SearchUnavailableError"
  }
}

/** The Search Module retries seed writes only for `error.status === 429` (with optional `retry_after` ms). */
export class SearchRateLimitedError extends Error {
  readonly status = 429
  constructor(message: string, readonly retry_after?: number) {
    super(message)
    this.name = "SearchRateLimitedError"
  }
}

const reasonOf = (error: errors.ResponseError): { type?: string; reason?: string } => {
  const body = error.meta?.body as { error?: { type?: string; reason?: string; root_cause?: { reason?: string }[] } } | undefined
  return { type: body?.error?.type, reason: body?.error?.reason ?? body?.error?.root_cause?.[0]?.reason }
}

export const isConnectivityError = (error: unknown) =>
  error instanceof errors.ConnectionError ||
  error instanceof errors.TimeoutError ||
  error instanceof errors.NoLivingConnectionsError ||
  (error instanceof errors.ResponseError && [502, 503, 504].includes(error.statusCode ?? 0))

export function parseRetryAfter(header: unknown): number | undefined {
  const seconds = Number(Array.isArray(header) ? header[0] : header)
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined
}

/**
 * Translates client errors into what the Search Module and the HTTP layer understand:
 * a missing index → NOT_FOUND (the module retries with a fresh active version),
 * 429 → rate-limit error, unreachable → SearchUnavailableError, a refused request → INVALID_DATA.
 */
export function translateError(error: unknown, index: string, retryAfterMs: number): Error {
  if (error instanceof SearchUnavailableError || error instanceof SearchRateLimitedError || error instanceof MedusaError) {
    return error
  }
  if (isConnectivityError(error)) {
    return new SearchUnavailableError("Search is temporarily unavailable: Elasticsearch did not answer. Try again shortly.", retryAfterMs)
  }
  if (error instanceof errors.ResponseError) {
    return translateFailure(
      { status: error.statusCode ?? 500, ...reasonOf(error), retry_after: parseRetryAfter(error.headers?.["retry-after"]) },
      index
    )
  }
  return error instanceof Error ? error : new Error(String(error))
}

/** Also used for the per-item failures inside a 200 `_msearch` answer. */
export function translateFailure(
  failure: { status: number; type?: string; reason?: string; retry_after?: number },
  index: string
): Error {
  const { status, type, reason } = failure
  if (status === 404 && type === "index_not_found_exception") {
    return new MedusaError(MedusaError.Types.NOT_FOUND, `The Elasticsearch search provider has no index "${index}"`)
  }
  if (status === 429) return new SearchRateLimitedError(`Elasticsearch rejected the request (429): ${reason ?? type}`, failure.retry_after)
  if (status === 400) {
    return new MedusaError(MedusaError.Types.INVALID_DATA, `Elasticsearch refused the request on "${index}": ${reason ?? type}`)
  }
  return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Elasticsearch error ${status} on "${index}": ${reason ?? type}`)
}
