import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { ListEmailsQuery } from "./admin/emails/validators"

/** Issue 10: the admin "E-mails" page's API (list with filters; one message via /admin/emails/:id). */
export const emailRoutes: MiddlewareRoute[] = [
  {
    matcher: "/admin/emails",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(ListEmailsQuery, { defaults: [], isList: true, defaultLimit: 20 })],
  },
]
