import type { Logger } from "@medusajs/framework/types"
import { maskText } from "./redact"
import { currentRequestId } from "./request-context"
import { captureToSentry } from "./sentry"

export type ErrorSource = { kind: "http" | "job" | "subscriber" | "workflow"; name: string; requestId?: string }

/**
 * The one place failures of jobs, subscribers and handlers are reported: always a structured
 * error log line (message masked, stack kept), and Sentry when SENTRY_DSN is set.
 */
export function reportError(err: unknown, source: ErrorSource, logger?: Pick<Logger, "error">) {
  const error = err instanceof Error ? err : new Error(String(err))
  const requestId = source.requestId ?? currentRequestId()
  const entry = {
    level: "error",
    message: maskText(`${source.kind} ${source.name} failed: ${error.message}`),
    source: source.kind,
    source_name: source.name,
    request_id: requestId,
    error_type: error.name,
    stack: error.stack ? maskText(error.stack) : undefined,
  }
  if (logger && (logger as any).log) (logger as any).log("error", entry.message, entry)
  else if (logger) logger.error(entry.message)
  else console.error(JSON.stringify(entry))
  captureToSentry(error, { source: source.kind, source_name: source.name, request_id: requestId })
  return entry
}
