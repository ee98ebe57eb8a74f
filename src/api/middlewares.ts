import { defineMiddlewares } from "@medusajs/framework/http"
import { analyticsMiddlewareRoutes } from "../lib/analytics/middlewares"

/**
 * The app's one middlewares file. Each feature keeps its route configs in its own module and
 * is listed here; order matters only where a comment says so.
 */
export default defineMiddlewares({
  routes: [...analyticsMiddlewareRoutes],
})
