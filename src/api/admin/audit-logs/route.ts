import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ListAuditLogsQuery } from "./validators"
import type AuditLogModuleService from "../../../modules/audit-log/service"
import { AUDIT_LOG_MODULE } from "../../../modules/audit-log"

/** Staff audit trail, newest first: filter by actor, entity, method, outcome, route, request id and time window. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListAuditLogsQuery>, res: MedusaResponse) {
  const q = req.validatedQuery as ListAuditLogsQuery
  const filters: Record<string, unknown> = {}
  for (const key of ["actor_id", "entity_id", "method", "outcome", "route", "request_id"] as const) {
    if (q[key]) filters[key] = q[key]
  }
  if (q.from || q.to) {
    filters.created_at = {
      ...(q.from ? { $gte: new Date(q.from) } : {}),
      ...(q.to ? { $lte: new Date(q.to) } : {}),
    }
  }
  const limit = q.limit ?? 50
  const offset = q.offset ?? 0
  const service: AuditLogModuleService = req.scope.resolve(AUDIT_LOG_MODULE)
  const [audit_logs, count] = await service.listAndCountAuditLogEntries(filters, {
    take: limit,
    skip: offset,
    order: { created_at: "DESC", id: "DESC" },
  })
  res.json({ audit_logs, count, limit, offset })
}
