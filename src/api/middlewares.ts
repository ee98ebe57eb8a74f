import { defineMiddlewares } from "@medusajs/framework/http"
import { analyticsMiddlewareRoutes } from "../lib/analytics/middlewares"
import { opsErrorHandler, opsMiddlewares } from "./ops-middlewares"
import { paymentRoutes } from "./payments-middlewares"
import { offlinePaymentRoutes } from "./offline-payments-middlewares"
import { responseCacheRoutes } from "./response-cache-routes"
import { withSearchUnavailable } from "./search/error-handler"
import { storeSearchRoutes } from "./search/store-search"
import { backgroundWorkRoutes } from "./background-work-routes"

/**
 * The app's one middlewares file. Each feature keeps its route configs in its own module and
 * is listed here; order matters only where a comment says so.
 */
export default defineMiddlewares({
  routes: [
    // Global ops stack (request id, metrics, rate limit, audit): its "/" matcher sorts it first anyway,
    // so a cached answer is still counted, rate limited and logged with its request id.
    ...opsMiddlewares,
    // Analytics: funnel, product views, searches and sampled API metrics (never blocks a request).
    // Its view and API-metric middlewares sit on "/" too, so they also see cached answers.
    ...analyticsMiddlewareRoutes,
    // Store response cache: a global /store middleware (see the file).
    ...responseCacheRoutes,
    // Payments: webhook verification and dedupe, session-data whitelist, full-capture-only gateways.
    ...paymentRoutes,
    // Store search: result cache and sales-channel scoping on Medusa's POST /store/search.
    ...storeSearchRoutes,
    // UPI direct and cash on delivery: COD eligibility and fee before a session is created, UTR and staff routes.
    ...offlinePaymentRoutes,
    // Recommendations (store + admin) and the queue monitor at /admin/queues.
    ...backgroundWorkRoutes,
  ],
  // Search engine down: 503 with Retry-After. Other 5xx answers carry the request id and no
  // internals (logged with the stack); 4xx stay Medusa's.
  errorHandler: withSearchUnavailable(opsErrorHandler()),
})
