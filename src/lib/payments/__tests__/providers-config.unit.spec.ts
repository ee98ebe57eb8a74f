import { paymentModuleOptions, paymentProvidersFromEnv } from "../providers-config"

const RAZORPAY = { RAZORPAY_KEY_ID: "rzp_test_abc", RAZORPAY_KEY_SECRET: "rzp-secret-value", RAZORPAY_WEBHOOK_SECRET: "rzp-webhook-secret" }
const NO_COD = { COD_ENABLED: "false" }
const STRIPE = { STRIPE_API_KEY: "sk_test_secretvalue", STRIPE_WEBHOOK_SECRET: "whsec_secretvalue" }

describe("payment providers from env", () => {
  it("registers no gateway without keys, and says so in one line", () => {
    const { providers, summary } = paymentProvidersFromEnv(NO_COD)
    expect(providers).toEqual([])
    expect(summary).toBe(
      "payments: Stripe off (STRIPE_API_KEY not set); Razorpay off (RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET, RAZORPAY_WEBHOOK_SECRET not set); UPI direct off (UPI_VPA / UPI_PAYEE_NAME not set); cash on delivery off (COD_ENABLED=false); manual (pp_system_default) always on"
    )
  })

  it("registers Stripe and Razorpay from their keys, manual capture by default", () => {
    const { providers, summary } = paymentProvidersFromEnv({ ...STRIPE, ...RAZORPAY, ...NO_COD })
    expect(providers).toEqual([
      { resolve: "@medusajs/medusa/payment-stripe", id: "stripe", options: { apiKey: STRIPE.STRIPE_API_KEY, webhookSecret: STRIPE.STRIPE_WEBHOOK_SECRET, capture: false } },
      {
        resolve: "./src/modules/payment-razorpay",
        id: "razorpay",
        options: { keyId: "rzp_test_abc", keySecret: "rzp-secret-value", webhookSecret: "rzp-webhook-secret", capture: false, refundSpeed: "normal" },
      },
    ])
    expect(summary).toBe("payments: Stripe on (manual capture); Razorpay on (manual capture); UPI direct off (UPI_VPA / UPI_PAYEE_NAME not set); cash on delivery off (COD_ENABLED=false); manual (pp_system_default) always on")
  })

  it("leaves Razorpay off when one of its three keys is missing, naming it", () => {
    const { providers, summary } = paymentProvidersFromEnv({ ...RAZORPAY, ...NO_COD, RAZORPAY_WEBHOOK_SECRET: "" })
    expect(providers).toEqual([])
    expect(summary).toContain("Razorpay off (RAZORPAY_WEBHOOK_SECRET not set)")
  })

  it("never prints a secret", () => {
    const { summary } = paymentProvidersFromEnv({ ...STRIPE, ...RAZORPAY, STRIPE_WEBHOOK_SECRET: "" })
    for (const secret of [...Object.values(STRIPE), ...Object.values(RAZORPAY)]) expect(summary).not.toContain(secret)
    expect(summary).toContain("STRIPE_WEBHOOK_SECRET missing")
  })

  it("reads capture modes, refund speed, API base and webhook delay", () => {
    const { options } = paymentModuleOptions({ ...RAZORPAY, RAZORPAY_CAPTURE: "true", RAZORPAY_REFUND_SPEED: "optimum", RAZORPAY_API_BASE: "http://127.0.0.1:9/v1", PAYMENT_WEBHOOK_DELAY_MS: "250" })
    expect(options.webhook_delay).toBe(250)
    expect(options.providers[0].options).toMatchObject({ capture: true, refundSpeed: "optimum", apiBase: "http://127.0.0.1:9/v1" })
    expect(() => paymentModuleOptions({ PAYMENT_WEBHOOK_DELAY_MS: "soon" })).toThrow(/PAYMENT_WEBHOOK_DELAY_MS/)
    expect(paymentModuleOptions({}).options).not.toHaveProperty("webhook_delay")
  })

  it("registers UPI direct from its VPA and payee name, and COD unless switched off", () => {
    const { providers, summary } = paymentProvidersFromEnv({ UPI_VPA: "shop@okaxis", UPI_PAYEE_NAME: "Shop", UPI_EXPIRY_MINUTES: "30" })
    expect(providers).toEqual([
      { resolve: "./src/modules/payment-upi", id: "upi", options: { vpa: "shop@okaxis", payeeName: "Shop", expiryMinutes: 30 } },
      { resolve: "./src/modules/payment-cod", id: "cod", options: {} },
    ])
    expect(summary).toContain("UPI direct on (orders expire after 30 min); cash on delivery on")
    expect(paymentProvidersFromEnv({ UPI_VPA: "shop@okaxis" }).summary).toContain("UPI direct off")
    expect(() => paymentProvidersFromEnv({ UPI_VPA: "shop@okaxis", UPI_PAYEE_NAME: "Shop", UPI_EXPIRY_MINUTES: "soon" })).toThrow(/UPI_EXPIRY_MINUTES="soon": expected a whole number/)
  })
})
