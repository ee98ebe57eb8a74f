import { answeringConflicts } from "../../../../../../lib/payments/offline/errors"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { markCodRto } from "../../../../../../lib/payments/offline/cod"
import type { ReasonBody } from "../../../../../offline-payments-validators"

/** Returned to origin: the order is canceled and its stock released. */
export const POST = answeringConflicts(async (req: AuthenticatedMedusaRequest<ReasonBody>, res: MedusaResponse) => {
  res.json(await markCodRto(req.scope, req.params.id, req.auth_context.actor_id, req.validatedBody.reason))
})
