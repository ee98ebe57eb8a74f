import type { MiddlewareRoute } from "@medusajs/framework/http"
import { adminWriteInvalidation, storeResponseCache } from "../lib/response-cache/middleware"

/**
 * No `method`: Medusa registers method-less configs as global middlewares, ahead of the
 * routes' own validators and queries, so a cache hit skips all of them.
 */
export const responseCacheRoutes: MiddlewareRoute[] = [
  { matcher: "/store", middlewares: [storeResponseCache] },
  { matcher: "/admin", middlewares: [adminWriteInvalidation] },
]
