import { defineMiddlewares, validateAndTransformQuery } from "@medusajs/framework/http"
import { ListEmailsQuery } from "./admin/emails/validators"

/** The admin "E-mails" page's API: the list with filters (one message is GET /admin/emails/:id). */
export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/emails",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(ListEmailsQuery, { defaults: [], isList: true, defaultLimit: 20 })],
    },
  ],
})
