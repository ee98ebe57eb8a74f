import { counter } from "@indus/observability"

/** Webhook deliveries at our intake, by provider and outcome (accepted, duplicate, invalid_signature, malformed). */
export const paymentWebhooksTotal = counter({
  name: "payment_webhooks_total",
  help: "Payment gateway webhook deliveries received, by provider and outcome",
  labelNames: ["provider", "outcome"] as const,
})

/** Failed payments and failed refunds reported by a gateway. */
export const paymentFailuresTotal = counter({
  name: "payment_failures_total",
  help: "Failed payments and failed refunds reported by payment gateways, by provider and kind",
  labelNames: ["provider", "kind"] as const,
})
