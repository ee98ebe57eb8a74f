import { answeringConflicts } from "../../../../../../lib/payments/offline/errors"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { approveUpi } from "../../../../../../lib/payments/offline/upi"
import type { ApproveUpiBody } from "../../../../../offline-payments-validators"

/** Staff confirm the transfer reached the bank with the amount received; the order becomes paid. */
export const POST = answeringConflicts(async (req: AuthenticatedMedusaRequest<ApproveUpiBody>, res: MedusaResponse) => {
  const actor = { id: req.auth_context.actor_id, source: "staff" as const }
  res.json(await approveUpi(req.scope, req.params.id, { amount: req.validatedBody.amount, actor, reason: req.validatedBody.note }))
})
