import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { createOpsStack, opsStackEnabled } from "../lib/ops/stack"
import { opsErrorHandler } from "../lib/ops/error-handler"
import { ListAuditLogsQuery } from "./admin/audit-logs/validators"

/**
 * Operations. The global stack sits on "/" so Medusa's route sorter runs it before every
 * other project middleware; Medusa's own body parser, CORS and auth run earlier still, so the stack
 * sees `req.body` and `req.auth_context`. OPS_MIDDLEWARE=off drops it (bench/overhead compares both).
 */
export const opsMiddlewares: MiddlewareRoute[] = [
  ...(opsStackEnabled() ? [{ matcher: "/", middlewares: [createOpsStack()] }] : []),
  {
    matcher: "/admin/audit-logs",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(ListAuditLogsQuery, { defaults: [], isList: true, defaultLimit: 50 })],
  },
]

export { opsErrorHandler }
