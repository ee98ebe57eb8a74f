import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AUDIT_LOG_MODULE } from "../modules/audit-log"
import type AuditLogModuleService from "../modules/audit-log/service"
import { instrumentJob } from "@indus/observability"
import { appConfig } from "../config"

export const retentionDays = () => appConfig().ops.auditLogRetentionDays

/** Deletes audit log entries older than AUDIT_LOG_RETENTION_DAYS (default 365), daily at 03:15. */
export async function purgeAuditLog(container: MedusaContainer, now = new Date()) {
  const cutoff = new Date(now.getTime() - retentionDays() * 24 * 3600 * 1000)
  const service: AuditLogModuleService = container.resolve(AUDIT_LOG_MODULE)
  const deleted = await service.purgeOlderThan(cutoff)
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`audit log retention: deleted ${deleted} entries older than ${cutoff.toISOString()}`)
  return deleted
}

export default instrumentJob("audit-log-retention", async (container: MedusaContainer) => {
  await purgeAuditLog(container)
})

export const config = {
  name: "audit-log-retention",
  schedule: "15 3 * * *",
}
