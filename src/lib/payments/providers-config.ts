/**
 * Payment providers from env, for medusa-config.ts. A provider whose keys are absent is not
 * registered; `describe` gives the one start-up line saying which are on (never any secret).
 */
import { readEnv } from "@indus/plugin-options"
import { PAYMENTS_ENV, paymentsConfig } from "../../config/payments"

type Env = Record<string, string | undefined>
type ProviderEntry = { resolve: string; id: string; options: Record<string, unknown> }

export const STRIPE_PROVIDER_ID = "pp_stripe_stripe"
export const RAZORPAY_PROVIDER_ID = "pp_razorpay_razorpay"
export const UPI_PROVIDER_ID = "pp_upi_upi"
export const COD_PROVIDER_ID = "pp_cod_cod"

/** The payment switches of `env`, validated (a bad value names its variable). */
const settingsOf = (env: Env) => paymentsConfig(readEnv(PAYMENTS_ENV, env))

export function paymentProvidersFromEnv(env: Env): { providers: ProviderEntry[]; summary: string } {
  const settings = settingsOf(env)
  const providers: ProviderEntry[] = []
  const parts: string[] = []

  if (env.STRIPE_API_KEY) {
    providers.push({
      resolve: "@medusajs/medusa/payment-stripe",
      id: "stripe",
      options: {
        apiKey: env.STRIPE_API_KEY,
        webhookSecret: env.STRIPE_WEBHOOK_SECRET,
        // Manual by default: staff capture from the order page, as with Razorpay.
        capture: settings.stripeCapture,
      },
    })
    parts.push(`Stripe on (${settings.stripeCapture ? "automatic" : "manual"} capture${env.STRIPE_WEBHOOK_SECRET ? "" : ", STRIPE_WEBHOOK_SECRET missing: webhooks will be refused"})`)
  } else {
    parts.push("Stripe off (STRIPE_API_KEY not set)")
  }

  const razorpayKeys = ["RAZORPAY_KEY_ID", "RAZORPAY_KEY_SECRET", "RAZORPAY_WEBHOOK_SECRET"]
  const missing = razorpayKeys.filter((k) => !env[k])
  if (!missing.length) {
    providers.push({
      resolve: "./src/modules/payment-razorpay",
      id: "razorpay",
      options: {
        keyId: env.RAZORPAY_KEY_ID,
        keySecret: env.RAZORPAY_KEY_SECRET,
        webhookSecret: env.RAZORPAY_WEBHOOK_SECRET,
        capture: settings.razorpayCapture,
        refundSpeed: settings.razorpayRefundSpeed,
        ...(env.RAZORPAY_API_BASE ? { apiBase: env.RAZORPAY_API_BASE } : {}),
      },
    })
    parts.push(`Razorpay on (${settings.razorpayCapture ? "automatic" : "manual"} capture)`)
  } else {
    parts.push(`Razorpay off (${missing.join(", ")} not set)`)
  }

  if (env.UPI_VPA && env.UPI_PAYEE_NAME) {
    providers.push({
      resolve: "./src/modules/payment-upi",
      id: "upi",
      options: { vpa: env.UPI_VPA, payeeName: env.UPI_PAYEE_NAME, expiryMinutes: settings.upiExpiryMinutes },
    })
    parts.push(`UPI direct on (orders expire after ${settings.upiExpiryMinutes} min)`)
  } else {
    parts.push("UPI direct off (UPI_VPA / UPI_PAYEE_NAME not set)")
  }

  if (settings.codEnabled) {
    providers.push({ resolve: "./src/modules/payment-cod", id: "cod", options: {} })
    parts.push("cash on delivery on")
  } else {
    parts.push("cash on delivery off (COD_ENABLED=false)")
  }

  return { providers, summary: `payments: ${parts.join("; ")}; manual (pp_system_default) always on` }
}

/** Payment module options: the providers plus how soon a webhook is processed after it arrived. */
export function paymentModuleOptions(env: Env) {
  const { providers, summary } = paymentProvidersFromEnv(env)
  const delay = settingsOf(env).webhookDelayMs
  return {
    summary,
    options: {
      providers,
      ...(delay !== undefined ? { webhook_delay: delay } : {}),
    },
  }
}
