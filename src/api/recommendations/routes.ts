import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { RecommendationsQuery, SetComplementaryBody } from "./validators"

export const recommendationRoutes: MiddlewareRoute[] = [
  {
    matcher: "/store/products/:id/recommendations",
    method: ["GET"],
    middlewares: [validateAndTransformQuery(RecommendationsQuery, {})],
  },
  {
    matcher: "/admin/products/:id/recommendations",
    method: ["POST"],
    middlewares: [validateAndTransformBody(SetComplementaryBody)],
  },
]
