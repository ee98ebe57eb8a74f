import { errorHandler, getHttpResponseFromError } from "@medusajs/framework/http"
import type { MedusaErrorHandlerFunction } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Medusa's error handler for everything it maps to a 4xx. Anything that would be a 5xx is logged
 * with its stack and request id, and the client gets only a generic message plus the request id
 * to quote to support (Medusa would pass DB and unexpected-state messages through).
 */
export function opsErrorHandler(): MedusaErrorHandlerFunction {
  const core = errorHandler()
  return (err, req, res, next) => {
    const { statusCode } = getHttpResponseFromError(err)
    if (statusCode < 500) return core(err, req, res, next)
    const requestId = req.requestId
    const logger = req.scope?.resolve(ContainerRegistrationKeys.LOGGER)
    const error = err instanceof Error ? err : new Error(String(err))
    const entry = {
      level: "error",
      message: `${req.method} ${req.originalUrl.split("?")[0]} failed: ${error.message}`,
      request_id: requestId,
      error_type: (err as { type?: string })?.type ?? error.name,
      stack: error.stack,
    }
    if (logger) logger.log(entry.level, entry.message, entry)
    else console.error(JSON.stringify(entry))
    if (res.headersSent) return
    res.status(500).json({
      type: "unknown_error",
      code: "unknown_error",
      message: `An unknown error occurred. Quote request id ${requestId} to support.`,
      request_id: requestId,
    })
  }
}
