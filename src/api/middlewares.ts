import { defineMiddlewares } from "@medusajs/framework/http"
import { analyticsMiddlewareRoutes } from "../lib/analytics/middlewares"
import { opsErrorHandler, opsMiddlewares } from "./ops-middlewares"
import { paymentRoutes } from "./payments-middlewares"
import { responseCacheRoutes } from "./response-cache-routes"

/**
 * The app's one middlewares file. Each feature keeps its route configs in its own module and
 * is listed here; order matters only where a comment says so.
 */
export default defineMiddlewares({
  routes: [
    // Global ops stack (request id, metrics, rate limit, audit): its "/" matcher sorts it first anyway,
    // so a cached answer is still counted, rate limited and logged with its request id.
    ...opsMiddlewares,
    // Store response cache: a global /store middleware (see the file).
    ...responseCacheRoutes,
    // Payments: webhook verification and dedupe, session-data whitelist, full-capture-only gateways.
    ...paymentRoutes,
    // Analytics: funnel, product views, searches and sampled API metrics (never blocks a request).
    ...analyticsMiddlewareRoutes,
  ],
  // 5xx answers carry the request id and no internals; 4xx stay Medusa's.
  errorHandler: opsErrorHandler(),
})
