/**
 * Payment providers from env, for medusa-config.ts. A provider whose keys are absent is not
 * registered; `describe` gives the one start-up line saying which are on (never any secret).
 */
type Env = Record<string, string | undefined>
type ProviderEntry = { resolve: string; id: string; options: Record<string, unknown> }

export const STRIPE_PROVIDER_ID = "pp_stripe_stripe"
export const RAZORPAY_PROVIDER_ID = "pp_razorpay_razorpay"

const flag = (v: string | undefined) => v === "true" || v === "1"

export function paymentProvidersFromEnv(env: Env): { providers: ProviderEntry[]; summary: string } {
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
        capture: flag(env.STRIPE_CAPTURE),
      },
    })
    parts.push(`Stripe on (${flag(env.STRIPE_CAPTURE) ? "automatic" : "manual"} capture${env.STRIPE_WEBHOOK_SECRET ? "" : ", STRIPE_WEBHOOK_SECRET missing: webhooks will be refused"})`)
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
        capture: flag(env.RAZORPAY_CAPTURE),
        refundSpeed: env.RAZORPAY_REFUND_SPEED === "optimum" ? "optimum" : "normal",
        ...(env.RAZORPAY_API_BASE ? { apiBase: env.RAZORPAY_API_BASE } : {}),
      },
    })
    parts.push(`Razorpay on (${flag(env.RAZORPAY_CAPTURE) ? "automatic" : "manual"} capture)`)
  } else {
    parts.push(`Razorpay off (${missing.join(", ")} not set)`)
  }

  return { providers, summary: `payments: ${parts.join("; ")}; manual (pp_system_default) always on` }
}

/** Payment module options: the providers plus how soon a webhook is processed after it arrived. */
export function paymentModuleOptions(env: Env) {
  const { providers, summary } = paymentProvidersFromEnv(env)
  const delay = Number(env.PAYMENT_WEBHOOK_DELAY_MS)
  return {
    summary,
    options: {
      providers,
      ...(Number.isInteger(delay) && delay >= 0 ? { webhook_delay: delay } : {}),
    },
  }
}
