import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PAYMENT_AUDIT_MODULE } from "../../modules/payment-audit"
import type PaymentAuditModuleService from "../../modules/payment-audit/service"
import { paymentWebhooksTotal } from "../../lib/payments/metrics"
import { verifyRazorpayWebhook, verifyStripeWebhook, type VerifyResult } from "../../lib/payments/webhook-verify"

type Gateway = {
  provider: string
  secret: () => string | undefined
  verify: (raw: unknown, headers: Record<string, unknown>, secret: string) => VerifyResult
}

/**
 * Intake of gateway webhooks, before Medusa's own `/hooks/payment/:provider` route queues them:
 * a forged or unsigned delivery gets 401 and is never queued; a redelivered event id gets 200
 * and is dropped. Medusa answers 200 before processing, so this is the only place a gateway can
 * learn that a delivery was refused.
 */
function intake(gateway: Gateway) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const secret = gateway.secret()
    if (!secret) return next() // provider not configured: Medusa's route answers as it always does
    const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
    const result = gateway.verify((req as any).rawBody, req.headers as Record<string, unknown>, secret)
    if (!result.ok) {
      paymentWebhooksTotal.inc({ provider: gateway.provider, outcome: result.status === 401 ? "invalid_signature" : "malformed" })
      logger.warn(`${gateway.provider} webhook refused: ${result.reason}`)
      return res.status(result.status).json({ type: "unauthorized", message: `Webhook refused: ${result.reason}` })
    }
    const audit = req.scope.resolve<PaymentAuditModuleService>(PAYMENT_AUDIT_MODULE)
    const { eventId, eventType } = result.event
    if (!(await audit.markWebhookSeen(gateway.provider, eventId, eventType))) {
      paymentWebhooksTotal.inc({ provider: gateway.provider, outcome: "duplicate" })
      logger.info(`${gateway.provider} webhook ${eventId} (${eventType}) already received; ignored`)
      return res.status(200).json({ received: true, duplicate: true })
    }
    // If Medusa fails to queue it, forget the id so the gateway's retry is not taken for a duplicate.
    res.on("finish", () => {
      if (res.statusCode >= 400) {
        audit.forgetWebhook(gateway.provider, eventId).catch(() => undefined)
      }
    })
    paymentWebhooksTotal.inc({ provider: gateway.provider, outcome: "accepted" })
    next()
  }
}

const GATEWAYS: { paths: string[]; gateway: Gateway }[] = [
  {
    paths: ["razorpay_razorpay", "pp_razorpay_razorpay"],
    gateway: { provider: "razorpay", secret: () => process.env.RAZORPAY_WEBHOOK_SECRET, verify: verifyRazorpayWebhook },
  },
  {
    paths: ["stripe_stripe", "pp_stripe_stripe"],
    gateway: { provider: "stripe", secret: () => process.env.STRIPE_WEBHOOK_SECRET, verify: verifyStripeWebhook },
  },
]

export const paymentWebhookRoutes: MiddlewareRoute[] = GATEWAYS.flatMap(({ paths, gateway }) =>
  paths.map((p) => ({
    matcher: `/hooks/payment/${p}`,
    method: ["POST"] as const,
    bodyParser: { preserveRawBody: true },
    middlewares: [intake(gateway)],
  }))
) as MiddlewareRoute[]
