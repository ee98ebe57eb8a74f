import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PAYMENT_AUDIT_MODULE } from "../modules/payment-audit"
import type PaymentAuditModuleService from "../modules/payment-audit/service"

/** Webhook ids are kept 30 days: Razorpay redelivers for 24 h and Stripe for 3 days. */
const KEEP_DAYS = 30

export default async function prunePaymentWebhookEvents(container: MedusaContainer) {
  const audit = container.resolve<PaymentAuditModuleService>(PAYMENT_AUDIT_MODULE)
  const removed = await audit.pruneWebhookEvents(new Date(Date.now() - KEEP_DAYS * 24 * 3600 * 1000))
  if (removed) container.resolve(ContainerRegistrationKeys.LOGGER).info(`payments: pruned ${removed} webhook delivery records`)
}

export const config = { name: "prune-payment-webhook-events", schedule: "17 3 * * *" }
