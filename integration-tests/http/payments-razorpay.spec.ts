import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { seedDemo, type SeedResult } from "../helpers/seed"
import { findVariant, headers } from "../helpers/store"
import { adminAuth } from "../helpers/admin"
import { RazorpayFixture, RZP } from "@indus/test-kit"
import { cartReadyForPayment, completeCart, eventually, startPaymentSession } from "../helpers/checkout"
import { metricsRegistry } from "@indus/observability"
import { useAppEnv } from "../helpers/app-env"

jest.setTimeout(240 * 1000)

const RAZORPAY = "pp_razorpay_razorpay"
const HOOK = "/hooks/payment/razorpay_razorpay"
/** Integer paise from a Medusa amount (test-side conversion of a value read back from the API). */
const paise = (amount: number) => Math.round(amount * 100)

const fixture = new RazorpayFixture()
const env: Record<string, string> = {
  RAZORPAY_KEY_ID: RZP.keyId,
  RAZORPAY_KEY_SECRET: RZP.keySecret,
  RAZORPAY_WEBHOOK_SECRET: RZP.webhookSecret,
  PAYMENT_WEBHOOK_DELAY_MS: "50",
  RAZORPAY_API_BASE: "set once the fixture listens",
}

useAppEnv(env, {
  start: async () => {
    await fixture.start()
    env.RAZORPAY_API_BASE = fixture.url
  },
  stop: () => fixture.stop(),
})

async function failureCount(provider: string, kind: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric("payment_failures_total")?.get()
  return metric?.values.find((v) => v.labels.provider === provider && v.labels.kind === kind)?.value ?? 0
}

medusaIntegrationTestRunner({
  inApp: true,
  env,
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult

    // Webhooks are processed after the HTTP 200, on the event bus: count deliveries so a test can
    // wait until every one it sent was handled before it ends (the next test restores the DB).
    let delivered = 0
    let accepted = 0
    beforeAll(async () => {
      seed = await seedDemo(getContainer())
      getContainer().resolve(Modules.EVENT_BUS).subscribe("payment.webhook_received", async () => {
        delivered++
      }, { subscriberId: "test-webhook-counter" })
    })

    async function webhooksSettled() {
      await eventually(async () => delivered >= accepted)
      await new Promise((r) => setTimeout(r, 1500)) // their handlers finish shortly after delivery
    }

    /** An INR cart (one tee, standard delivery) with a Razorpay session; what the storefront holds before Checkout opens. */
    async function razorpayCart(clientData?: Record<string, unknown>) {
      const region = seed.region_ids.in
      const tee = await findVariant(api, seed.publishable_key, "organic-crew-tee", region)
      const { cart, paymentCollectionId } = await cartReadyForPayment(api, seed.publishable_key, {
        regionId: region,
        items: [{ variant_id: tee.variant.id, quantity: 1 }],
        shippingOptionName: "Standard Delivery",
      })
      const session = await startPaymentSession(api, seed.publishable_key, paymentCollectionId, RAZORPAY, clientData)
      return { cart, session, paymentCollectionId, totalPaise: paise(cart.total), order: fixture.orders.get(session.data.order_id)! }
    }

    const verify = (sessionId: string, checkout: Record<string, string>) =>
      api.post("/store/razorpay/verify", { payment_session_id: sessionId, ...checkout }, headers(seed.publishable_key)).catch((e) => e.response)

    async function postHook(hook: { body: string; headers: Record<string, string> }) {
      const res = await api.post(HOOK, hook.body, { headers: hook.headers, transformRequest: [(d) => d] }).catch((e) => e.response)
      if (res.status === 200 && !res.data?.duplicate) accepted++
      return res
    }

    async function cartOrder(cartId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "cart", fields: ["id", "completed_at", "order.id"], filters: { id: cartId } })
      return (data[0] as any)?.order?.id as string | undefined
    }

    async function adminOrder(orderId: string, auth: object) {
      const { data } = await api.get(
        `/admin/orders/${orderId}?fields=id,total,payment_status,*payment_collections,*payment_collections.payments,*payment_collections.payments.captures,*payment_collections.payments.refunds`,
        auth
      )
      return data.order
    }

    it("INR checkout with Razorpay, then staff capture the full amount and refund part of it", async () => {
      const { data: { payment_providers } } = await api.get(`/store/payment-providers?region_id=${seed.region_ids.in}`, headers(seed.publishable_key))
      expect(payment_providers.map((p: { id: string }) => p.id).sort()).toEqual(["pp_cod_cod", RAZORPAY, "pp_system_default"]) // COD is on unless COD_ENABLED=false

      // A storefront trying to set the amount, currency, capture mode or notes is refused outright.
      const hostile = await razorpayCart({
        amount: 1,
        currency: "usd",
        capture: "automatic",
        notes: { session_id: "payses_forged" },
      }).catch((e) => e.response)
      expect(hostile.status).toBe(400)
      expect(hostile.data.message).toBe("Payment session data for pp_razorpay_razorpay may not set: amount, currency, capture, notes")
      expect(fixture.orders.size).toBe(0)

      const { cart, session, totalPaise, order } = await razorpayCart()
      expect(totalPaise).toBe(79900 + 9900)
      expect(order).toMatchObject({ amount: totalPaise, currency: "INR", receipt: session.id, notes: { session_id: session.id }, payment: { capture: "manual" } })
      expect(order.receipt.length).toBeLessThanOrEqual(40)
      expect(Object.keys(session.data).sort()).toEqual(["amount", "currency", "key_id", "order_id", "session_id"])
      expect(session.data).toMatchObject({ amount: totalPaise, currency: "INR", key_id: RZP.keyId })

      // Completing before the customer paid: a clear 400, no order.
      const early = await completeCart(api, seed.publishable_key, cart.id)
      expect(early.status).toBe(400)
      expect(early.data.message).toMatch(/not authorized/)
      expect(await cartOrder(cart.id)).toBeUndefined()

      const { payment, checkout } = fixture.pay(order.id)
      // A signature that does not belong to this order and payment is refused.
      const forged = await verify(session.id, { ...checkout, razorpay_signature: "0".repeat(64) })
      expect(forged.status).toBe(400)
      expect(forged.data.message).toMatch(/signature does not match/)
      const verified = await verify(session.id, checkout)
      expect(verified.status).toBe(200)
      expect(verified.data.payment_session.verified_payment_id).toBe(payment.id)

      const done = await completeCart(api, seed.publishable_key, cart.id)
      expect(done.data.type).toBe("order")
      const orderId = done.data.order.id
      expect(paise(done.data.order.total)).toBe(totalPaise)

      const auth = await adminAuth(api, getContainer())
      let staffView = await adminOrder(orderId, auth)
      expect(staffView.payment_status).toBe("authorized")
      const medusaPayment = staffView.payment_collections[0].payments[0]
      expect(medusaPayment.provider_id).toBe(RAZORPAY)
      expect(paise(medusaPayment.amount)).toBe(totalPaise)
      expect(fixture.payments.get(payment.id)!.status).toBe("authorized")

      // Razorpay cannot capture part of a payment: refused before anything is recorded.
      const partial = await api.post(`/admin/payments/${medusaPayment.id}/capture`, { amount: 100 }, auth).catch((e) => e.response)
      expect(partial.status).toBe(400)
      expect(partial.data.message).toMatch(/full authorized amount/)
      expect(fixture.payments.get(payment.id)!.status).toBe("authorized")

      const captured = await api.post(`/admin/payments/${medusaPayment.id}/capture`, {}, auth)
      expect(captured.status).toBe(200)
      expect(fixture.payments.get(payment.id)!.status).toBe("captured")
      const captureCall = fixture.requests.find((r) => r.path === `/v1/payments/${payment.id}/capture`)!
      expect(captureCall.body).toEqual({ amount: totalPaise, currency: "INR" })
      staffView = await adminOrder(orderId, auth)
      expect(staffView.payment_status).toBe("captured")

      // Partial refund of ₹100.00, sent as integer paise with Medusa's refund id as idempotency key.
      const refunded = await api.post(`/admin/payments/${medusaPayment.id}/refund`, { amount: 100 }, auth)
      expect(refunded.status).toBe(200)
      const refundCall = fixture.requests.find((r) => r.path === `/v1/payments/${payment.id}/refund`)!
      expect(refundCall.body).toMatchObject({ amount: 10000, speed: "normal", notes: { session_id: session.id } })
      expect(refundCall.headers["x-refund-idempotency"]).toMatch(/^ref_[A-Za-z0-9]{10,}$/)
      expect(refundCall.body.notes.medusa_refund_id).toBe(refundCall.headers["x-refund-idempotency"])
      expect(fixture.payments.get(payment.id)!.amount_refunded).toBe(10000)
      staffView = await adminOrder(orderId, auth)
      expect(staffView.payment_status).toBe("partially_refunded")

      // More than what is left: a clear 400, nothing sent to Razorpay, nothing recorded.
      const tooMuch = await api.post(`/admin/payments/${medusaPayment.id}/refund`, { amount: totalPaise / 100 }, auth).catch((e) => e.response)
      expect(tooMuch.status).toBe(400)
      expect(tooMuch.data.message).toMatch(/refund more than/i)
      expect(fixture.requests.filter((r) => r.path.endsWith("/refund"))).toHaveLength(1)
      staffView = await adminOrder(orderId, auth)
      expect(staffView.payment_collections[0].payments[0].refunds).toHaveLength(1)

      // The rest, to the paisa: the payment is fully refunded here and at Razorpay.
      const rest = (totalPaise - 10000) / 100
      expect((await api.post(`/admin/payments/${medusaPayment.id}/refund`, { amount: rest }, auth)).status).toBe(200)
      expect(fixture.payments.get(payment.id)).toMatchObject({ status: "refunded", amount_refunded: totalPaise })
      expect((await adminOrder(orderId, auth)).payment_status).toBe("refunded")
    })

    it("staff cancel an order whose Razorpay payment is only authorized: nothing is captured", async () => {
      const { cart, session, order } = await razorpayCart()
      const { payment, checkout } = fixture.pay(order.id)
      await verify(session.id, checkout)
      const done = await completeCart(api, seed.publishable_key, cart.id)
      const auth = await adminAuth(api, getContainer())
      const canceled = await api.post(`/admin/orders/${done.data.order.id}/cancel`, {}, auth)
      expect(canceled.status).toBe(200)
      const staffView = await adminOrder(done.data.order.id, auth)
      expect(staffView.payment_status).toBe("canceled")
      expect(staffView.payment_collections[0].payments[0].canceled_at).toBeTruthy()
      // Razorpay has no void: the payment stays authorized there until its capture window ends and it is auto-refunded.
      expect(fixture.payments.get(payment.id)!.status).toBe("authorized")
      expect(fixture.requests.filter((r) => r.path.startsWith(`/v1/payments/${payment.id}/`) && r.method === "POST")).toEqual([])
    })

    it("a payment for another amount or currency never authorizes the cart", async () => {
      for (const tamper of [{ amount: 100 }, { currency: "USD" }]) {
        const { cart, session, order } = await razorpayCart()
        const { checkout } = fixture.pay(order.id, tamper)
        expect((await verify(session.id, checkout)).status).toBe(200) // the signature itself is genuine
        const res = await completeCart(api, seed.publishable_key, cart.id)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/not authorized/)
        expect(await cartOrder(cart.id)).toBeUndefined()
        expect([...fixture.payments.values()].find((p) => p.order_id === order.id)!.status).toBe("authorized") // never captured
      }
    })

    it("webhooks: forged ones are refused; a payment completes the cart exactly once however often or late it is delivered", async () => {
      const { cart, order } = await razorpayCart()
      const { payment } = fixture.pay(order.id) // the customer paid, then closed the tab before the storefront completed

      const forged = fixture.webhook("payment.authorized", { payment }, { secret: "not-the-secret" })
      const refused = await postHook(forged)
      expect(refused.status).toBe(401)
      const tampered = fixture.webhook("payment.authorized", { payment })
      expect((await postHook({ ...tampered, body: tampered.body.replace(`"amount":${payment.amount}`, '"amount":100') })).status).toBe(401)
      await new Promise((r) => setTimeout(r, 1000))
      expect(await cartOrder(cart.id)).toBeUndefined()

      const authorized = fixture.webhook("payment.authorized", { payment }, { eventId: "evt_AuthorizedOnce01" })
      expect((await postHook(authorized)).status).toBe(200)
      const orderId = await eventually(() => cartOrder(cart.id))

      const again = await postHook(authorized)
      expect(again.status).toBe(200)
      expect(again.data).toEqual({ received: true, duplicate: true })

      // Staff capture in the Razorpay dashboard; order.paid arrives, then twice more, then a stale payment.authorized.
      const p = fixture.payments.get(payment.id)!
      Object.assign(p, { status: "captured", captured: true })
      Object.assign(fixture.orders.get(order.id)!, { status: "paid", amount_paid: p.amount, amount_due: 0 })
      const paid = fixture.webhook("order.paid", { payment: p, order: fixture.orders.get(order.id) })
      expect((await postHook(paid)).status).toBe(200)
      const auth = await adminAuth(api, getContainer())
      await eventually(async () => (await adminOrder(orderId, auth)).payment_status === "captured")
      expect((await postHook(paid)).data.duplicate).toBe(true)
      await postHook(fixture.webhook("order.paid", { payment: p, order: fixture.orders.get(order.id) })) // new event id, same facts
      await postHook(fixture.webhook("payment.authorized", { payment })) // out of order
      await webhooksSettled()

      const staffView = await adminOrder(orderId, auth)
      expect(staffView.payment_status).toBe("captured")
      expect(staffView.payment_collections).toHaveLength(1)
      expect(staffView.payment_collections[0].payments).toHaveLength(1)
      expect(staffView.payment_collections[0].payments[0].captures).toHaveLength(1)
      expect(paise(staffView.payment_collections[0].payments[0].captures[0].amount)).toBe(p.amount)
      expect(fixture.requests.filter((r) => r.path === `/v1/payments/${payment.id}/capture`)).toHaveLength(0) // already captured at the gateway

      // Delivery ids are kept in PostgreSQL (any process sees them) until the daily prune.
      const audit = getContainer().resolve("paymentAudit") as any
      const seen = await audit.listWebhookEvents({ provider: "razorpay" })
      expect(seen.map((e: { event_id: string }) => e.event_id)).toContain("evt_AuthorizedOnce01")
      expect(await audit.pruneWebhookEvents(new Date(Date.now() - 3600_000))).toBe(0)
      expect(await audit.pruneWebhookEvents(new Date(Date.now() + 1000))).toBe(seen.length)
      expect(await audit.listWebhookEvents({ provider: "razorpay" })).toEqual([])
    })

    it("failed payments and failed refunds are logged with the order id, counted and listed for staff", async () => {
      const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER)
      const warn = jest.spyOn(logger, "warn")
      const failedBefore = await failureCount("razorpay", "payment_failed")
      const refundFailedBefore = await failureCount("razorpay", "refund_failed")

      const { cart, session, order } = await razorpayCart()
      const failed = fixture.pay(order.id, { fail: true }).payment
      expect((await postHook(fixture.webhook("payment.failed", { payment: failed }))).status).toBe(200)
      await eventually(async () => (await failureCount("razorpay", "payment_failed")) === failedBefore + 1)

      // The customer retries and succeeds.
      const { payment, checkout } = fixture.pay(order.id)
      expect((await verify(session.id, checkout)).status).toBe(200)
      const done = await completeCart(api, seed.publishable_key, cart.id)
      expect(done.data).toMatchObject({ type: "order" })
      const orderId = done.data.order.id
      const auth = await adminAuth(api, getContainer())
      const medusaPayment = (await adminOrder(orderId, auth)).payment_collections[0].payments[0]
      await api.post(`/admin/payments/${medusaPayment.id}/capture`, {}, auth)
      await api.post(`/admin/payments/${medusaPayment.id}/refund`, { amount: 50 }, auth)

      // Razorpay later reports that the refund failed (e.g. the beneficiary bank rejected it).
      const refund = [...fixture.refunds.values()].find((r) => r.payment_id === payment.id)!
      refund.status = "failed"
      const refundFailed = fixture.webhook("refund.failed", { refund, payment: fixture.payments.get(payment.id) })
      expect((await postHook(refundFailed)).status).toBe(200)
      await eventually(async () => (await failureCount("razorpay", "refund_failed")) === refundFailedBefore + 1)
      // Reported again under a new event id: still one incident, counted once.
      await postHook(fixture.webhook("refund.failed", { refund, payment: fixture.payments.get(payment.id) }))
      await webhooksSettled()
      expect(await failureCount("razorpay", "refund_failed")).toBe(refundFailedBefore + 1)

      const { data } = await api.get(`/admin/orders/${orderId}/payment-incidents`, auth)
      expect(data.payment_incidents).toHaveLength(2)
      expect(data.payment_incidents).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ provider: "razorpay", kind: "payment_failed", reference: failed.id, amount_minor: failed.amount, currency_code: "inr" }),
          expect.objectContaining({ provider: "razorpay", kind: "refund_failed", reference: refund.id, amount_minor: 5000, currency_code: "inr" }),
        ])
      )
      const lines = warn.mock.calls.map((c) => String(c[0]))
      expect(lines.some((l) => l.includes("refund failed") && l.includes(refund.id) && l.includes(`order=${orderId}`))).toBe(true)
      expect(lines.some((l) => l.includes("payment failed") && l.includes(failed.id))).toBe(true)
      expect(lines.join("\n")).not.toMatch(/guest@example\.com|\+919800000000|MG Road/)

      const none = await api.get(`/admin/orders/order_does_not_exist/payment-incidents`, auth).catch((e) => e.response)
      expect(none.status).toBe(404)
      warn.mockRestore()
    })
  },
})
