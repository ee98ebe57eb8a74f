import Stripe from "stripe"
import { rawBytes, verifyWebhookSignature } from "../../modules/payment-razorpay/helpers"

export type VerifiedWebhook = { eventId: string; eventType?: string }
export type VerifyResult = { ok: true; event: VerifiedWebhook } | { ok: false; status: 400 | 401; reason: string }

function header(headers: Record<string, unknown>, name: string): string | undefined {
  const v = headers[name]
  return typeof v === "string" ? v : undefined
}

/** Razorpay: HMAC-SHA256 of the raw body (constant-time), event id from `x-razorpay-event-id`. */
export function verifyRazorpayWebhook(raw: unknown, headers: Record<string, unknown>, secret: string): VerifyResult {
  const body = rawBytes(raw)
  if (!verifyWebhookSignature(body, header(headers, "x-razorpay-signature"), secret)) {
    return { ok: false, status: 401, reason: "invalid signature" }
  }
  const eventId = header(headers, "x-razorpay-event-id")
  if (!eventId) return { ok: false, status: 400, reason: "x-razorpay-event-id header missing" }
  let eventType: string | undefined
  try {
    eventType = JSON.parse(body!.toString("utf8"))?.event
  } catch {
    return { ok: false, status: 400, reason: "body is not JSON" }
  }
  return { ok: true, event: { eventId, eventType } }
}

/** Stripe: `Stripe-Signature` checked by the SDK (HMAC of `t.payload`, 300 s tolerance); event id from the body. */
export function verifyStripeWebhook(raw: unknown, headers: Record<string, unknown>, secret: string): VerifyResult {
  const body = rawBytes(raw)
  const signature = header(headers, "stripe-signature")
  if (!body || !signature) return { ok: false, status: 401, reason: "invalid signature" }
  try {
    const event = Stripe.webhooks.constructEvent(body, signature, secret)
    return { ok: true, event: { eventId: event.id, eventType: event.type } }
  } catch {
    return { ok: false, status: 401, reason: "invalid signature" }
  }
}
