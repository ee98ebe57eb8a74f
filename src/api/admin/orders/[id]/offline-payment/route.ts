import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { upiStatusOfOrder } from "../../../../../lib/payments/offline/upi"

/** UPI-direct state of an order (UTR, amount, decisions) for the order-page widget. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await upiStatusOfOrder(req.scope, req.params.id))
}
