import { answeringConflicts } from "../../../../../../lib/payments/offline/errors"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { markCodDelivered } from "../../../../../../lib/payments/offline/cod"
import type { NoteBody } from "../../../../../offline-payments-validators"

/** Delivered and cash collected: the COD payment is captured. */
export const POST = answeringConflicts(async (req: AuthenticatedMedusaRequest<NoteBody>, res: MedusaResponse) => {
  res.json(await markCodDelivered(req.scope, req.params.id, req.auth_context.actor_id, req.validatedBody.note))
})
