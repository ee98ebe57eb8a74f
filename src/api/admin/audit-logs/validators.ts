import { z } from "@medusajs/framework/zod"

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: "must be an ISO date" })
// PostgreSQL text cannot hold NUL; reject it here instead of failing in the database.
const text = z.string().max(500).refine((s) => !s.includes("\u0000"), { message: "must not contain NUL characters" })

export const ListAuditLogsQuery = z.object({
  actor_id: text.optional(),
  entity_id: text.optional(),
  method: z.enum(["POST", "PUT", "PATCH", "DELETE"]).optional(),
  outcome: z.enum(["success", "failure"]).optional(),
  route: text.optional(),
  request_id: text.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  order: z.string().optional(),
  fields: z.string().optional(),
})
export type ListAuditLogsQuery = z.infer<typeof ListAuditLogsQuery>
