import { configureStoreSearch, type MiddlewareRoute } from "@medusajs/framework/http"
import { storeSearchCache } from "./cache"

/**
 * POST /store/search is closed until an index is opted in. The product index is public;
 * Medusa itself forces status=published and the publishable key's sales channels.
 */
export const storeSearchRoutes: MiddlewareRoute[] = [
  {
    matcher: "/store/search",
    method: ["POST"],
    middlewares: [configureStoreSearch({ allowed_indexes: { product: true } }), storeSearchCache],
  },
]
