import winston from "winston"
import { logger as medusaLogger } from "@medusajs/framework/logger"
import { currentRequestId } from "./request-context"
import { isSensitiveKey, redact, REDACTED } from "./redact"

const KEEP = new Set(["level", "timestamp", "request_id"])

/** Adds the current request's id and masks secrets/PII in every field of a log entry (mutates `info`, keeps winston's symbols). */
export const requestContextFormat = winston.format((info) => {
  const requestId = currentRequestId()
  if (requestId && !info.request_id) info.request_id = requestId
  for (const key of Object.keys(info)) {
    if (KEEP.has(key)) continue
    info[key] = isSensitiveKey(key) ? REDACTED : redact(info[key])
  }
  return info
})

/** Medusa's own JSON line format (see @medusajs/cli reporter) with our request id and masking before `json()`. */
export function jsonLineFormat() {
  return winston.format.combine(
    winston.format.timestamp({ format: "YYYY-MM-DD HH:mm:ss" }),
    winston.format.errors({ stack: true }),
    winston.format.splat(),
    requestContextFormat(),
    winston.format.json()
  )
}

type ReporterWithWinston = { loggerInstance_?: winston.Logger }

/**
 * Medusa registers one winston-based logger (`@medusajs/framework/logger`) for the whole process:
 * modules, workflows, subscribers and the test runner all write through it. Swapping its format
 * (instead of registering a second logger) covers every line, including the ones written before
 * our config is read. LOG_LEVEL and LOG_FILE keep working as Medusa documents them.
 */
export function installLogFormat(target: unknown = medusaLogger): boolean {
  const instance = (target as ReporterWithWinston).loggerInstance_
  if (!instance || typeof instance.log !== "function") return false
  instance.format = jsonLineFormat()
  return true
}
