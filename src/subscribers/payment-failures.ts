import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { failureFromWebhook, recordFailure, type WebhookEventData } from "../lib/payments/failures"

/**
 * Failed payments and failed refunds reported by a gateway: logged with the order id, counted
 * (payment_failures_total) and stored as a payment incident that staff see on the order page.
 */
export default async function paymentFailures({ event, container }: SubscriberArgs<WebhookEventData>) {
  const failure = await failureFromWebhook(container, event.data)
  if (failure) await recordFailure(container, failure)
}

export const config: SubscriberConfig = {
  event: "payment.webhook_received",
  context: { subscriberId: "payment-failure-incidents" },
}
