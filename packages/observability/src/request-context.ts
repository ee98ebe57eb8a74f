import { AsyncLocalStorage } from "async_hooks"

export type RequestContext = { requestId: string }

/**
 * The request a piece of work belongs to. Entered by the request-id middleware; subscribers and
 * workflows started by the request run in the same async chain (in-process event bus), so their
 * log lines carry the id too. Work picked up from a Redis queue by a worker has no context.
 */
export const requestContext = new AsyncLocalStorage<RequestContext>()

export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** An incoming x-request-id is kept when it is a plain token; anything else (log injection, huge values) is replaced. */
export function acceptRequestId(header: unknown): string | undefined {
  const value = Array.isArray(header) ? header[0] : header
  return typeof value === "string" && REQUEST_ID.test(value) ? value : undefined
}
