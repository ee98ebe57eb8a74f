import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { RECOMMENDATIONS_MODULE } from "../../../../../modules/recommendations"
import type RecommendationsModuleService from "../../../../../modules/recommendations/service"
import type { RecommendationsQuery } from "../../../../recommendations/validators"
import { productCards } from "../../../../recommendations/products"

/**
 * `related`: bought together, then popular in the product's categories (new products get only
 * those). `complementary`: staff-curated. Only published products in the key's sales channels.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { intent, limit } = req.validatedQuery as unknown as RecommendationsQuery
  const salesChannelIds = (req as any).publishable_key_context?.sales_channel_ids ?? []
  const service: RecommendationsModuleService = req.scope.resolve(RECOMMENDATIONS_MODULE)
  if (!(await service.isVisible(req.params.id, salesChannelIds))) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${req.params.id} was not found`)
  }
  const ids = intent === "complementary"
    ? await service.complementary(req.params.id, salesChannelIds, limit)
    : await service.related(req.params.id, salesChannelIds, limit)
  const products = await productCards(req.scope, ids, ["id", "title", "handle", "thumbnail"])
  res.json({ intent, products })
}
