import { answeringConflicts } from "../../../../../../lib/payments/offline/errors"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rejectUpi } from "../../../../../../lib/payments/offline/upi"
import type { ReasonBody } from "../../../../../offline-payments-validators"

/** Staff found no such transfer: the order is canceled and its stock released. */
export const POST = answeringConflicts(async (req: AuthenticatedMedusaRequest<ReasonBody>, res: MedusaResponse) => {
  const actor = { id: req.auth_context.actor_id, source: "staff" as const }
  res.json(await rejectUpi(req.scope, req.params.id, { reason: req.validatedBody.reason, actor }))
})
