import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { RECOMMENDATIONS_MODULE } from "../../../../../modules/recommendations"
import type RecommendationsModuleService from "../../../../../modules/recommendations/service"
import type { SetComplementaryBody } from "../../../../recommendations/validators"
import { productCards } from "../../../../recommendations/products"
import { invalidateResponseCache, RECOMMENDATIONS_TAG } from "../../../../../lib/response-cache/invalidate"

async function lists(req: AuthenticatedMedusaRequest, productId: string) {
  const service: RecommendationsModuleService = req.scope.resolve(RECOMMENDATIONS_MODULE)
  const [together, links] = await Promise.all([
    service.listProductRecommendations({ product_id: productId }, { order: { score: "DESC" }, take: 12 }),
    service.listComplementaryLinks({ product_id: productId }, { order: { position: "ASC" } }),
  ])
  const scores = new Map(together.map((r) => [r.recommended_product_id, r]))
  const related = (await productCards(req.scope, together.map((r) => r.recommended_product_id)))
    .map((p: any) => ({ ...p, together: scores.get(p.id)?.together, score: scores.get(p.id)?.score }))
  const complementary = await productCards(req.scope, links.map((l) => l.linked_product_id))
  return { related, complementary }
}

/** Both lists for the admin product page: computed "bought together" and curated complementary. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json(await lists(req, req.params.id))
}

/** Replaces the curated complementary products (in order). Unknown product ids are a 400. */
export async function POST(req: AuthenticatedMedusaRequest<SetComplementaryBody>, res: MedusaResponse) {
  const { product_ids } = req.validatedBody
  const known = await productCards(req.scope, [req.params.id, ...product_ids], ["id"])
  const knownIds = new Set(known.map((p: any) => p.id))
  if (!knownIds.has(req.params.id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${req.params.id} was not found`)
  const unknown = product_ids.filter((id) => !knownIds.has(id))
  if (unknown.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown product id(s): ${unknown.join(", ")}`)
  const service: RecommendationsModuleService = req.scope.resolve(RECOMMENDATIONS_MODULE)
  await service.setComplementary(req.params.id, product_ids)
  await invalidateResponseCache([RECOMMENDATIONS_TAG], "admin-write")
  res.json(await lists(req, req.params.id))
}
