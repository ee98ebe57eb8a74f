import { z } from "@medusajs/framework/zod"

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: "must be an ISO date" })

export const ListAuditLogsQuery = z.object({
  actor_id: z.string().optional(),
  entity_id: z.string().optional(),
  method: z.enum(["POST", "PUT", "PATCH", "DELETE"]).optional(),
  outcome: z.enum(["success", "failure"]).optional(),
  route: z.string().optional(),
  request_id: z.string().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  order: z.string().optional(),
  fields: z.string().optional(),
})
export type ListAuditLogsQuery = z.infer<typeof ListAuditLogsQuery>
