import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { RECOMMENDATIONS_MODULE } from "../../../../../modules/recommendations"
import type RecommendationsModuleService from "../../../../../modules/recommendations/service"
import type { RecommendationsQuery } from "../../../../recommendations/validators"

/**
 * `related`: bought together, then popular in the product's categories (new products get only
 * those). `complementary`: staff-curated. Only published products in the key's sales channels.
 * One SQL round trip; the store response cache (`routes.ts`) serves repeats.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { intent, limit } = req.validatedQuery as unknown as RecommendationsQuery
  const salesChannelIds = (req as any).publishable_key_context?.sales_channel_ids ?? []
  const service: RecommendationsModuleService = req.scope.resolve(RECOMMENDATIONS_MODULE)
  const { visible, products } = await service.storefrontList(req.params.id, salesChannelIds, intent, limit)
  if (!visible) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${req.params.id} was not found`)
  res.json({ intent, products })
}
