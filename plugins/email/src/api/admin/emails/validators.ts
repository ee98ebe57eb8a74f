import { z } from "@medusajs/framework/zod"

// PostgreSQL text cannot hold NUL; reject it here instead of failing in the database.
const text = z.string().trim().min(1).max(200).refine((s) => !s.includes("\u0000"), { message: "must not contain NUL characters" })

export const ListEmailsQuery = z.object({
  status: z.enum(["sent", "outbox", "failed"]).optional(),
  template: text.optional(),
  /** part of the recipient, subject or template */
  q: text.optional(),
  resource_id: text.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  order: z.string().optional(),
  fields: z.string().optional(),
})
export type ListEmailsQuery = z.infer<typeof ListEmailsQuery>
