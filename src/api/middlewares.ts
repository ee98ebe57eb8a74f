import { defineMiddlewares } from "@medusajs/framework/http"
import { searchAwareErrorHandler } from "./search/error-handler"
import { storeSearchRoutes } from "./search/store-search"

/**
 * The app's one middlewares file. Each feature keeps its route configs in its own module and
 * is listed here; order matters only where a comment says so.
 */
export default defineMiddlewares({
  // Medusa's handler, plus 503 for "search engine unavailable" (src/api/search/error-handler.ts).
  errorHandler: searchAwareErrorHandler,
  routes: [...storeSearchRoutes],
})
