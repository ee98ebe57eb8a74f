import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { seedDemo, type SeedResult } from "../helpers/seed"
import { findVariant, headers } from "../helpers/store"
import { adminAuth } from "../helpers/admin"
import { StripeFixture, STRIPE } from "@indus/test-kit"
import { cartReadyForPayment, completeCart, eventually, startPaymentSession, US_ADDRESS } from "../helpers/checkout"
import { metricsRegistry } from "@indus/observability"

jest.setTimeout(240 * 1000)

const STRIPE_ID = "pp_stripe_stripe"
const HOOK = "/hooks/payment/stripe_stripe"
const cents = (amount: number) => Math.round(amount * 100)

const fixture = new StripeFixture()
// The runner loads medusa-config before applying its own `env`, so set process.env first.
const saved = { ...process.env }
beforeAll(async () => {
  await fixture.start()
  Object.assign(process.env, { STRIPE_API_KEY: STRIPE.apiKey, STRIPE_WEBHOOK_SECRET: STRIPE.webhookSecret, PAYMENT_WEBHOOK_DELAY_MS: "50" })
})
afterAll(async () => {
  process.env = saved
  await fixture.stop()
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult

    // Webhooks are processed after the HTTP 200: count deliveries so a test can wait for them.
    let delivered = 0
    let accepted = 0
    beforeAll(async () => {
      seed = await seedDemo(getContainer())
      const payments = getContainer().resolve(Modules.PAYMENT) as any
      fixture.attach(payments.paymentProviderService_.retrieveProvider(STRIPE_ID))
      getContainer().resolve(Modules.EVENT_BUS).subscribe("payment.webhook_received", async () => {
        delivered++
      }, { subscriberId: "test-webhook-counter" })
    })

    async function webhooksSettled() {
      await eventually(async () => delivered >= accepted)
      await new Promise((r) => setTimeout(r, 1500))
    }

    async function stripeCart(clientData?: Record<string, unknown>) {
      const region = seed.region_ids.us
      const tee = await findVariant(api, seed.publishable_key, "organic-crew-tee", region)
      const { cart, paymentCollectionId } = await cartReadyForPayment(api, seed.publishable_key, {
        regionId: region,
        items: [{ variant_id: tee.variant.id, quantity: 2 }],
        shippingOptionName: "International Standard",
        address: US_ADDRESS,
      })
      const session = await startPaymentSession(api, seed.publishable_key, paymentCollectionId, STRIPE_ID, clientData)
      return { cart, session, totalCents: cents(cart.total), intent: fixture.intents.get(session.data.id)! }
    }

    async function postHook(hook: { body: string; headers: Record<string, string> }) {
      const res = await api.post(HOOK, hook.body, { headers: hook.headers, transformRequest: [(d) => d] }).catch((e) => e.response)
      if (res.status === 200 && !res.data?.duplicate) accepted++
      return res
    }

    async function adminOrder(orderId: string, auth: object) {
      const { data } = await api.get(
        `/admin/orders/${orderId}?fields=id,total,payment_status,*payment_collections,*payment_collections.payments,*payment_collections.payments.captures,*payment_collections.payments.refunds`,
        auth
      )
      return data.order
    }

    async function cartOrder(cartId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "cart", fields: ["id", "order.id"], filters: { id: cartId } })
      return (data[0] as any)?.order?.id as string | undefined
    }

    it("USD checkout with Stripe, then staff capture and refund part of it", async () => {
      const { data: { payment_providers } } = await api.get(`/store/payment-providers?region_id=${seed.region_ids.us}`, headers(seed.publishable_key))
      expect(payment_providers.map((p: { id: string }) => p.id).sort()).toEqual(["pp_stripe_stripe", "pp_system_default"])
      const eu = await api.get(`/store/payment-providers?region_id=${seed.region_ids.eu}`, headers(seed.publishable_key))
      expect(eu.data.payment_providers.map((p: { id: string }) => p.id).sort()).toEqual(["pp_stripe_stripe", "pp_system_default"])
      const india = await api.get(`/store/payment-providers?region_id=${seed.region_ids.in}`, headers(seed.publishable_key))
      // India never offers Stripe; Razorpay is not configured in this suite (UPI/COD are India's own).
      const indiaIds = india.data.payment_providers.map((p: { id: string }) => p.id)
      expect(indiaIds).toContain("pp_system_default")
      expect(indiaIds).not.toContain("pp_stripe_stripe")
      expect(indiaIds).not.toContain("pp_razorpay_razorpay")

      // Stripe's provider would forward these to the PaymentIntent: refused before it is created.
      const hostile = await stripeCart({ capture_method: "automatic", amount: 1 }).catch((e) => e.response)
      expect(hostile.status).toBe(400)
      expect(hostile.data.message).toBe("Payment session data for pp_stripe_stripe may not set: capture_method, amount")
      expect(fixture.intents.size).toBe(0)

      const { cart, session, totalCents, intent } = await stripeCart()
      expect(intent).toMatchObject({ amount: totalCents, currency: "usd", capture_method: "manual", metadata: { session_id: session.id } })
      const createCall = fixture.requests.find((r) => r.method === "POST" && r.path === "/v1/payment_intents")!
      expect(createCall.headers["idempotency-key"]).toBe(session.id)

      fixture.confirm(intent.id) // the shopper's card is authorized through Stripe.js
      const done = await completeCart(api, seed.publishable_key, cart.id)
      expect(done.data.type).toBe("order")
      const orderId = done.data.order.id
      expect(cents(done.data.order.total)).toBe(totalCents)

      const auth = await adminAuth(api, getContainer())
      let staffView = await adminOrder(orderId, auth)
      expect(staffView.payment_status).toBe("authorized")
      const payment = staffView.payment_collections[0].payments[0]
      expect(payment.provider_id).toBe(STRIPE_ID)

      // Medusa's Stripe provider always captures the whole intent: a partial capture is refused.
      const partial = await api.post(`/admin/payments/${payment.id}/capture`, { amount: 1 }, auth).catch((e) => e.response)
      expect(partial.status).toBe(400)
      expect(partial.data.message).toMatch(/Stripe captures only the full authorized amount/)
      expect(fixture.intents.get(intent.id)!.status).toBe("requires_capture")

      expect((await api.post(`/admin/payments/${payment.id}/capture`, {}, auth)).status).toBe(200)
      expect(fixture.intents.get(intent.id)!.status).toBe("succeeded")
      staffView = await adminOrder(orderId, auth)
      expect(staffView.payment_status).toBe("captured")

      expect((await api.post(`/admin/payments/${payment.id}/refund`, { amount: 5 }, auth)).status).toBe(200)
      const refunds = [...fixture.refunds.values()]
      expect(refunds).toEqual([expect.objectContaining({ amount: 500, payment_intent: intent.id })])
      const refundCall = fixture.requests.find((r) => r.path === "/v1/refunds")!
      expect(refundCall.headers["idempotency-key"]).toMatch(/^ref_/)
      staffView = await adminOrder(orderId, auth)
      expect(staffView.payment_status).toBe("partially_refunded")

      const tooMuch = await api.post(`/admin/payments/${payment.id}/refund`, { amount: totalCents / 100 }, auth).catch((e) => e.response)
      expect(tooMuch.status).toBe(400)
      expect(tooMuch.data.message).toMatch(/refund more than/i)
      expect(fixture.refunds.size).toBe(1)
    })

    it("webhooks: forged ones refused, duplicates dropped, a payment lands once; failures reach staff", async () => {
      const { cart, intent } = await stripeCart()
      const pi = fixture.confirm(intent.id) // paid; the storefront never completed the cart

      expect((await postHook(fixture.webhook("payment_intent.amount_capturable_updated", pi, { secret: "whsec_wrong" }))).status).toBe(401)
      const unsigned = fixture.webhook("payment_intent.amount_capturable_updated", pi)
      expect((await postHook({ ...unsigned, headers: { "content-type": "application/json" } as any })).status).toBe(401)
      await new Promise((r) => setTimeout(r, 800))
      expect(await cartOrder(cart.id)).toBeUndefined()

      const authorized = fixture.webhook("payment_intent.amount_capturable_updated", pi, { id: "evt_capturable_once" })
      expect((await postHook(authorized)).status).toBe(200)
      const orderId = await eventually(() => cartOrder(cart.id))
      expect((await postHook(authorized)).data).toEqual({ received: true, duplicate: true })

      const auth = await adminAuth(api, getContainer())
      const payment = (await adminOrder(orderId, auth)).payment_collections[0].payments[0]
      await api.post(`/admin/payments/${payment.id}/capture`, {}, auth)
      // Stripe then reports the capture, twice under different ids, and a stale authorization.
      await postHook(fixture.webhook("payment_intent.succeeded", fixture.intents.get(intent.id)))
      await postHook(fixture.webhook("payment_intent.succeeded", fixture.intents.get(intent.id)))
      await postHook(fixture.webhook("payment_intent.amount_capturable_updated", pi))
      await webhooksSettled()
      const staffView = await adminOrder(orderId, auth)
      expect(staffView.payment_status).toBe("captured")
      expect(staffView.payment_collections[0].payments).toHaveLength(1)
      expect(staffView.payment_collections[0].payments[0].captures).toHaveLength(1)

      // A declined card on another checkout: logged, counted, kept for staff.
      const metric = async () =>
        (await metricsRegistry.getSingleMetric("payment_failures_total")?.get())?.values.find((v) => v.labels.provider === "stripe")?.value ?? 0
      const before = await metric()
      const other = await stripeCart()
      const declined = fixture.confirm(other.intent.id, { fail: true })
      await postHook(fixture.webhook("payment_intent.payment_failed", declined))
      await eventually(async () => (await metric()) === before + 1)
      const audit = getContainer().resolve("paymentAudit") as any
      const [incident] = await audit.listPaymentIncidents({ reference: declined.id })
      expect(incident).toMatchObject({ provider: "stripe", kind: "payment_failed", payment_session_id: other.session.id, reason: "card_declined", currency_code: "usd" })
      expect(Number(incident.amount_minor)).toBe(other.totalCents)
      await webhooksSettled()
    })
  },
})
