import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, PaymentActions } from "@medusajs/framework/utils"
import { notesOf, parseWebhookBody, rawBytes } from "../../modules/payment-razorpay/helpers"
import { verifyRazorpayWebhook, verifyStripeWebhook } from "./webhook-verify"
import { PAYMENT_AUDIT_MODULE } from "../../modules/payment-audit"
import type PaymentAuditModuleService from "../../modules/payment-audit/service"
import { paymentFailuresTotal } from "./metrics"

export type WebhookEventData = {
  provider: string
  payload: { data: Record<string, unknown>; rawData: unknown; headers: Record<string, unknown> }
}

export type Failure = {
  provider: "razorpay" | "stripe"
  kind: "payment_failed" | "refund_failed"
  reference: string
  session_id?: string
  amount_minor?: number
  currency_code?: string
  reason?: string
}

const providerName = (p: string) => p.replace(/^pp_/, "")

/**
 * Finds a failed payment or failed refund in a verified webhook. Medusa drops these events
 * (its subscriber ignores `failed`, and has no notion of a refund failing at the gateway).
 */
export async function failureFromWebhook(container: MedusaContainer, event: WebhookEventData): Promise<Failure | undefined> {
  const provider = providerName(event.provider)
  const raw = rawBytes(event.payload.rawData)
  if (!raw) return undefined
  const headers = event.payload.headers ?? {}

  if (provider === "razorpay_razorpay") {
    const secret = process.env.RAZORPAY_WEBHOOK_SECRET
    if (!secret || !verifyRazorpayWebhook(raw, headers, secret).ok) return undefined
    const hook = parseWebhookBody(JSON.parse(raw.toString("utf8")))
    if (hook.event === "refund.failed" && hook.refund) {
      return {
        provider: "razorpay",
        kind: "refund_failed",
        reference: hook.refund.id,
        session_id: notesOf(hook.refund).session_id,
        amount_minor: hook.refund.amount,
        currency_code: hook.refund.currency?.toLowerCase(),
        reason: "refund failed at Razorpay",
      }
    }
    if (hook.event === "payment.failed" && hook.payment) {
      // The provider maps the payment to its session (through the Razorpay order's notes).
      const result = await container.resolve(Modules.PAYMENT).getWebhookActionAndData({ provider: event.provider, payload: { ...event.payload, rawData: raw } as any })
      if (result.action !== PaymentActions.FAILED) return undefined
      return {
        provider: "razorpay",
        kind: "payment_failed",
        reference: hook.payment.id,
        session_id: result.data?.session_id,
        amount_minor: hook.payment.amount,
        currency_code: hook.payment.currency?.toLowerCase(),
        reason: [hook.payment.error_code, hook.payment.error_reason].filter(Boolean).join(": ") || undefined,
      }
    }
    return undefined
  }

  if (provider === "stripe_stripe") {
    const secret = process.env.STRIPE_WEBHOOK_SECRET
    if (!secret || !verifyStripeWebhook(raw, headers, secret).ok) return undefined
    const body = JSON.parse(raw.toString("utf8"))
    if (body?.type !== "payment_intent.payment_failed") return undefined
    const intent = body.data?.object ?? {}
    return {
      provider: "stripe",
      kind: "payment_failed",
      reference: String(intent.id),
      session_id: intent.metadata?.session_id,
      amount_minor: Number.isSafeInteger(intent.amount) ? intent.amount : undefined,
      currency_code: intent.currency,
      reason: intent.last_payment_error?.code ?? intent.last_payment_error?.decline_code,
    }
  }
  return undefined
}

/** Records the failure once (per gateway reference), with the order it belongs to when there is one. */
export async function recordFailure(container: MedusaContainer, failure: Failure): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let collectionId: string | undefined
  let orderId: string | undefined
  if (failure.session_id) {
    const { data: sessions } = await query.graph({
      entity: "payment_session",
      fields: ["id", "payment_collection_id", "payment_collection.order.id"],
      filters: { id: failure.session_id },
    })
    collectionId = sessions[0]?.payment_collection_id
    orderId = (sessions[0] as any)?.payment_collection?.order?.id
  }
  const audit = container.resolve<PaymentAuditModuleService>(PAYMENT_AUDIT_MODULE)
  const isNew = await audit.recordIncident({
    provider: failure.provider,
    kind: failure.kind,
    reference: failure.reference,
    payment_session_id: failure.session_id ?? null,
    payment_collection_id: collectionId ?? null,
    order_id: orderId ?? null,
    amount_minor: failure.amount_minor ?? null,
    currency_code: failure.currency_code ?? null,
    reason: failure.reason?.slice(0, 200) ?? null,
  })
  if (!isNew) return
  paymentFailuresTotal.inc({ provider: failure.provider, kind: failure.kind })
  // Ids and gateway codes only: no customer data.
  logger.warn(
    `${failure.kind.replace("_", " ")}: ${failure.provider} ${failure.reference} order=${orderId ?? "none"} ` +
      `payment_collection=${collectionId ?? "unknown"} amount=${failure.amount_minor ?? "?"} ${failure.currency_code ?? ""} reason=${failure.reason ?? "n/a"}`
  )
}
