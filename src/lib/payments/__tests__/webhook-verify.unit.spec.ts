import Stripe from "stripe"
import { verifyRazorpayWebhook, verifyStripeWebhook } from "../webhook-verify"

describe("Stripe webhook verification", () => {
  it("matches the research vector (HMAC-SHA256 of `t.payload` with the whole whsec_ string)", () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload: '{"id":"evt_1"}', secret: "whsec_test", timestamp: 1700000000 })
    expect(header).toBe("t=1700000000,v1=c89214b5b5da833daed6f0b8c5bb6bd58cea9022bd80ccc78230f3942d632925")
  })

  it("accepts a fresh, correctly signed event and returns its id", () => {
    const body = JSON.stringify({ id: "evt_fresh", type: "payment_intent.succeeded", data: { object: {} } })
    const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: "whsec_test" })
    expect(verifyStripeWebhook(Buffer.from(body), { "stripe-signature": header }, "whsec_test")).toEqual({
      ok: true,
      event: { eventId: "evt_fresh", eventType: "payment_intent.succeeded" },
    })
  })

  it("refuses old timestamps, other secrets, altered bodies and missing headers", () => {
    const body = '{"id":"evt_1"}'
    const old = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: "whsec_test", timestamp: 1700000000 })
    const fresh = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: "whsec_test" })
    expect(verifyStripeWebhook(body, { "stripe-signature": old }, "whsec_test").ok).toBe(false)
    expect(verifyStripeWebhook(body, { "stripe-signature": fresh }, "whsec_other").ok).toBe(false)
    expect(verifyStripeWebhook('{"id":"evt_2"}', { "stripe-signature": fresh }, "whsec_test").ok).toBe(false)
    expect(verifyStripeWebhook(body, {}, "whsec_test")).toEqual({ ok: false, status: 401, reason: "invalid signature" })
  })
})

describe("Razorpay webhook verification", () => {
  const raw = '{"event":"order.paid"}'
  const sig = "1bd3788d3c7f6e6a85fcb09f9c84a3e7cc87040ce1751fd9331dff21a5d4d275"

  it("accepts the research vector with its event id", () => {
    expect(verifyRazorpayWebhook(Buffer.from(raw), { "x-razorpay-signature": sig, "x-razorpay-event-id": "evt_A1" }, "whsec_test")).toEqual({
      ok: true,
      event: { eventId: "evt_A1", eventType: "order.paid" },
    })
  })

  it("accepts the raw body as it survives the Redis event bus", () => {
    const serialised = JSON.parse(JSON.stringify(Buffer.from(raw)))
    expect(verifyRazorpayWebhook(serialised, { "x-razorpay-signature": sig, "x-razorpay-event-id": "e" }, "whsec_test").ok).toBe(true)
  })

  it("refuses a wrong signature (401) and a missing event id (400)", () => {
    expect(verifyRazorpayWebhook(raw, { "x-razorpay-signature": sig.replace("1b", "2b"), "x-razorpay-event-id": "e" }, "whsec_test")).toMatchObject({ ok: false, status: 401 })
    expect(verifyRazorpayWebhook(raw, { "x-razorpay-signature": sig }, "whsec_test")).toMatchObject({ ok: false, status: 400 })
  })
})
