import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import { WebhookEvent } from "./models/webhook-event"
import { PaymentIncident } from "./models/payment-incident"

class PaymentAuditModuleService extends MedusaService({ WebhookEvent, PaymentIncident }) {
  /**
   * Records a webhook delivery. Returns false when this provider already delivered this event
   * id: the unique index decides, so two processes racing on the same event cannot both win.
   */
  async markWebhookSeen(provider: string, eventId: string, eventType?: string): Promise<boolean> {
    try {
      await this.createWebhookEvents({ provider, event_id: eventId, event_type: eventType ?? null })
      return true
    } catch (e) {
      if (isDuplicate(e)) return false
      throw e
    }
  }

  /** Undoes markWebhookSeen when the delivery could not be queued, so the gateway's retry gets through. */
  async forgetWebhook(provider: string, eventId: string): Promise<void> {
    const seen = await this.listWebhookEvents({ provider, event_id: eventId }, { select: ["id"] })
    if (seen.length) await this.deleteWebhookEvents(seen.map((e) => e.id))
  }

  /** Deletes delivery records older than the cutoff (gateways stop redelivering after 1–3 days). */
  async pruneWebhookEvents(olderThan: Date): Promise<number> {
    let removed = 0
    for (;;) {
      const old = await this.listWebhookEvents({ created_at: { $lt: olderThan } }, { select: ["id"], take: 1000 })
      if (!old.length) return removed
      await this.deleteWebhookEvents(old.map((e) => e.id))
      removed += old.length
    }
  }

  /** Records an incident once per (provider, kind, reference); returns whether it was new. */
  async recordIncident(input: {
    provider: string
    kind: "payment_failed" | "refund_failed"
    reference: string
    payment_session_id?: string | null
    payment_collection_id?: string | null
    order_id?: string | null
    amount_minor?: number | null
    currency_code?: string | null
    reason?: string | null
  }): Promise<boolean> {
    try {
      await this.createPaymentIncidents(input)
      return true
    } catch (e) {
      if (isDuplicate(e)) return false
      throw e
    }
  }
}

function isDuplicate(e: unknown): boolean {
  const err = e as { type?: string; code?: string; message?: string }
  return err?.type === MedusaError.Types.DUPLICATE_ERROR || err?.code === "23505" || /already exists|duplicate key/i.test(err?.message ?? "")
}

export default PaymentAuditModuleService
