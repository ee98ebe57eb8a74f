import { z } from "@medusajs/framework/zod"

export const RecommendationsQuery = z.object({
  intent: z.enum(["related", "complementary"]).default("related"),
  limit: z.coerce.number().int().min(1).max(20).default(10),
})
export type RecommendationsQuery = z.infer<typeof RecommendationsQuery>

export const SetComplementaryBody = z.object({
  product_ids: z.array(z.string().min(1).max(100)).max(20),
})
export type SetComplementaryBody = z.infer<typeof SetComplementaryBody>
