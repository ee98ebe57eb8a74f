import { MedusaService } from "@medusajs/framework/utils"
import { EmailMessage } from "./models/email-message"
import type { EmailAttemptRecord } from "./types"

class EmailLogModuleService extends MedusaService({ EmailMessage }) {
  /**
   * Records a send attempt: a new row, or the existing row of the same idempotency key updated
   * (a retry after a failure), with `attempts` counted up and stale error fields cleared.
   */
  async recordAttempt(record: EmailAttemptRecord) {
    const data = {
      ...record,
      error_code: record.error_code ?? null,
      error_kind: record.error_kind ?? null,
      error_message: record.error_message ?? null,
      attachments: (record.attachments ?? null) as unknown as Record<string, unknown> | null,
    }
    const [existing] = record.idempotency_key
      ? await this.listEmailMessages({ idempotency_key: record.idempotency_key }, { select: ["id", "attempts"], take: 1 })
      : []
    if (existing) return this.updateEmailMessages({ id: existing.id, ...data, attempts: (existing.attempts ?? 1) + 1 })
    return this.createEmailMessages(data)
  }

  /** Deletes messages older than `cutoff` in batches; returns how many went. */
  async purgeOlderThan(cutoff: Date, batchSize = 1000): Promise<number> {
    let total = 0
    for (;;) {
      const old = await this.listEmailMessages({ created_at: { $lt: cutoff } }, { select: ["id"], take: batchSize })
      if (!old.length) return total
      await this.deleteEmailMessages(old.map((e) => e.id))
      total += old.length
      if (old.length < batchSize) return total
    }
  }
}

export default EmailLogModuleService
