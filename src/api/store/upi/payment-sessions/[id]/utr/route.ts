import { answeringConflicts } from "../../../../../../lib/payments/offline/errors"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { submitUtr } from "../../../../../../lib/payments/offline/upi"
import type { SubmitUtrBody } from "../../../../../offline-payments-validators"

/** The shopper reports the UTR of their UPI transfer; staff or the statement import verify it. */
export const POST = answeringConflicts(async (req: MedusaRequest<SubmitUtrBody>, res: MedusaResponse) => {
  const transfer = await submitUtr(req.scope, req.params.id, req.validatedBody)
  res.json({ upi_transfer: { utr: transfer.utr, status: transfer.status, order_id: transfer.order_id, submitted_at: transfer.created_at } })
})
