import { env } from "@indus/plugin-options"
import { shapes, type EnvOf } from "./schemas"

/** Payment switches and the cash-on-delivery rules (docs/payments.md); keys and secrets stay strings. */
export const PAYMENTS_ENV = {
  STRIPE_CAPTURE: env.bool(),
  RAZORPAY_CAPTURE: env.bool(),
  RAZORPAY_REFUND_SPEED: env.oneOf(["normal", "optimum"] as const),
  UPI_EXPIRY_MINUTES: env.int({ min: 1 }),
  PAYMENT_WEBHOOK_DELAY_MS: env.int({ min: 0 }),
  COD_ENABLED: env.bool(),
  COD_MIN_TOTAL: shapes.rupees(),
  COD_MAX_TOTAL: shapes.rupees(),
  COD_FEE: shapes.rupees(),
  COD_BLOCKED_PINCODES: env.list(),
  COD_SHIPPING_OPTIONS: env.list(),
}

export function paymentsConfig(e: EnvOf<typeof PAYMENTS_ENV>) {
  return {
    /** Manual by default: staff capture from the order page. */
    stripeCapture: e.STRIPE_CAPTURE ?? false,
    razorpayCapture: e.RAZORPAY_CAPTURE ?? false,
    razorpayRefundSpeed: e.RAZORPAY_REFUND_SPEED ?? "normal",
    /** Minutes an unpaid UPI order stays open before the expiry job cancels it. */
    upiExpiryMinutes: e.UPI_EXPIRY_MINUTES ?? 60,
    /** How long after arrival a webhook is processed; undefined: Medusa's default. */
    webhookDelayMs: e.PAYMENT_WEBHOOK_DELAY_MS,
    codEnabled: e.COD_ENABLED ?? true,
    cod: {
      minTotalPaise: e.COD_MIN_TOTAL,
      maxTotalPaise: e.COD_MAX_TOTAL,
      blockedPincodes: e.COD_BLOCKED_PINCODES ?? [],
      allowedShippingOptions: e.COD_SHIPPING_OPTIONS ?? [],
      feePaise: e.COD_FEE ?? 0,
    },
  }
}
