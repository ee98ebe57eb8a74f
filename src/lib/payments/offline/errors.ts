import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * A decision that collides with the payment's state (approved twice, UTR already used). Medusa's
 * error handler answers every CONFLICT with a generic "retry with the Idempotency-Key" text, which
 * would hide the reason, so these are answered 409 with their own message by `answeringConflicts`.
 */
export class PaymentStateConflict extends Error {}

export function fail(type: "CONFLICT" | "NOT_ALLOWED" | "INVALID_DATA" | "NOT_FOUND", message: string): Error {
  return type === "CONFLICT" ? new PaymentStateConflict(message) : new MedusaError(MedusaError.Types[type], message)
}

/** Errors a decision can end with that are answers, not faults (a CSV import lists them per row). */
export const isDecisionError = (e: unknown) => e instanceof MedusaError || e instanceof PaymentStateConflict

export function answeringConflicts<R extends MedusaRequest>(handler: (req: R, res: MedusaResponse) => Promise<void>) {
  return async (req: R, res: MedusaResponse) => {
    try {
      await handler(req, res)
    } catch (e) {
      if (!(e instanceof PaymentStateConflict)) throw e
      res.status(409).json({ type: "conflict", message: e.message })
    }
  }
}
