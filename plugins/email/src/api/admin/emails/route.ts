import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { EMAIL_LOG_MODULE, type EmailLogModuleService } from "../../../modules/email-log"
import type { ListEmailsQuery } from "./validators"

/** The columns of the list: everything but the rendered copy and the attachments. */
export const EMAIL_LIST_FIELDS = [
  "id", "created_at", "updated_at", "template", "to", "subject", "status", "provider_id", "message_id",
  "notification_id", "error_code", "error_kind", "error_message", "attempts", "resource_type", "resource_id",
] as const

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Shop e-mails, newest first; filter by status, template, resource or a search over recipient, subject and template. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListEmailsQuery>, res: MedusaResponse) {
  const q = req.validatedQuery as ListEmailsQuery
  const filters: Record<string, unknown> = {}
  if (q.status) filters.status = q.status
  if (q.template) filters.template = q.template
  if (q.resource_id) filters.resource_id = q.resource_id
  if (q.q) {
    const like = `%${likeEscape(q.q)}%`
    filters.$or = [{ to: { $ilike: like } }, { subject: { $ilike: like } }, { template: { $ilike: like } }]
  }
  const limit = q.limit ?? 20
  const offset = q.offset ?? 0
  const service = req.scope.resolve<EmailLogModuleService>(EMAIL_LOG_MODULE)
  // No bodies or attachments here (an outbox copy can be megabytes); GET /admin/emails/:id has them.
  const [emails, count] = await service.listAndCountEmailMessages(filters, {
    select: [...EMAIL_LIST_FIELDS],
    take: limit,
    skip: offset,
    order: { created_at: "DESC", id: "DESC" },
  })
  res.json({ emails, count, limit, offset })
}
