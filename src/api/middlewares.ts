import { defineMiddlewares } from "@medusajs/framework/http"
import { opsErrorHandler, opsMiddlewares } from "./ops-middlewares"

/**
 * The app's one middlewares file. Each feature keeps its route configs in its own module and
 * is listed here; order matters only where a comment says so.
 */
export default defineMiddlewares({
  // Global ops stack (request id, metrics, rate limit, audit): its "/" matcher sorts it first anyway.
  routes: [...opsMiddlewares],
  // 5xx answers carry the request id and no internals; 4xx stay Medusa's.
  errorHandler: opsErrorHandler(),
})
