import {
  validateAndTransformBody,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { paymentWebhookRoutes } from "./hooks/payment-webhooks"
import { RazorpayVerifySchema } from "./store/razorpay/verify/validators"
import { RAZORPAY_PROVIDER_ID, STRIPE_PROVIDER_ID } from "../lib/payments/providers-config"

/**
 * Razorpay can only capture the full authorized amount, and Medusa's Stripe provider always captures
 * the whole PaymentIntent (it never passes `amount_to_capture`). Medusa would record a partial
 * capture while the gateway took everything, so a partial amount is refused before the workflow runs.
 */
const FULL_CAPTURE_ONLY: Record<string, string> = { [RAZORPAY_PROVIDER_ID]: "Razorpay", [STRIPE_PROVIDER_ID]: "Stripe" }

async function fullCaptureOnly(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const amount = (req.body as { amount?: unknown } | undefined)?.amount
  if (amount === undefined || amount === null) return next()
  if (typeof amount !== "number" && typeof amount !== "string") return next() // Medusa's validator answers
  const payments = req.scope.resolve(Modules.PAYMENT)
  const [payment] = await payments.listPayments({ id: req.params.id }, { select: ["id", "amount", "provider_id"], relations: ["captures"] })
  const gateway = payment && FULL_CAPTURE_ONLY[payment.provider_id]
  if (!gateway) return next()
  const captured = (payment.captures ?? []).reduce((sum, c) => MathBN.add(sum, c.amount), MathBN.convert(0))
  const remaining = MathBN.sub(payment.amount, captured)
  if (!MathBN.eq(amount, remaining)) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `${gateway} captures only the full authorized amount (${remaining.toString()}); partial capture is not possible`))
  }
  next()
}

/**
 * Medusa stores whatever `data` the storefront sends with a new payment session next to the
 * provider's own data, and the Stripe provider forwards much of it to the gateway (capture mode,
 * confirm, metadata…). Gateway sessions therefore accept no client data at all: amounts, capture
 * modes and notes are the server's. (Razorpay Checkout's result goes through /store/razorpay/verify.)
 */
const CLIENT_DATA_ALLOWED: Record<string, string[]> = {
  [RAZORPAY_PROVIDER_ID]: [],
  [STRIPE_PROVIDER_ID]: [],
}

function whitelistSessionData(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = req.body as { provider_id?: unknown; data?: unknown } | undefined
  const allowed = typeof body?.provider_id === "string" ? CLIENT_DATA_ALLOWED[body.provider_id] : undefined
  if (!allowed || body?.data === undefined || body.data === null) return next()
  const keys = typeof body.data === "object" ? Object.keys(body.data as object) : ["(not an object)"]
  const refused = keys.filter((k) => !allowed.includes(k))
  if (refused.length) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Payment session data for ${body.provider_id} may not set: ${refused.join(", ")}`))
  }
  next()
}

export const paymentRoutes: MiddlewareRoute[] = [
  ...paymentWebhookRoutes,
  {
    matcher: "/store/payment-collections/:id/payment-sessions",
    method: ["POST"],
    middlewares: [whitelistSessionData],
  },
  {
    matcher: "/store/razorpay/verify",
    method: ["POST"],
    middlewares: [validateAndTransformBody(RazorpayVerifySchema)],
  },
  {
    matcher: "/admin/payments/:id/capture",
    method: ["POST"],
    middlewares: [fullCaptureOnly],
  },
]
