import { MedusaService } from "@medusajs/framework/utils"
import { AuditLogEntry } from "./models/audit-log-entry"

class AuditLogModuleService extends MedusaService({ AuditLogEntry }) {
  /** Deletes entries older than `cutoff` in batches; returns how many went. */
  async purgeOlderThan(cutoff: Date, batchSize = 1000): Promise<number> {
    let total = 0
    for (;;) {
      const old = await this.listAuditLogEntries({ created_at: { $lt: cutoff } }, { select: ["id"], take: batchSize })
      if (!old.length) return total
      await this.deleteAuditLogEntries(old.map((e) => e.id))
      total += old.length
      if (old.length < batchSize) return total
    }
  }
}

export default AuditLogModuleService
