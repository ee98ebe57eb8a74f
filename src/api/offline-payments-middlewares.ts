import { validateAndTransformBody, type MedusaNextFunction, type MedusaRequest, type MedusaResponse, type MiddlewareRoute } from "@medusajs/framework/http"
import { COD_PROVIDER_ID } from "../lib/payments/providers-config"
import { appConfig } from "../config"
import { cartOfPaymentCollection, prepareCartForCod, removeCodFee } from "../lib/payments/offline/cod-cart"
import { ApproveUpiSchema, CsvImportSchema, NoteSchema, ReasonSchema, SubmitUtrSchema } from "./offline-payments-validators"

/**
 * Runs before Medusa creates a payment session (after the data whitelist in payments-middlewares):
 * COD eligibility from the cart as stored, never from the storefront's data, and the COD fee line,
 * which goes again when another method is chosen.
 */
async function codSessionGate(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const providerId = (req.body as { provider_id?: unknown } | undefined)?.provider_id
    if (typeof providerId !== "string") return next()
    const cart = await cartOfPaymentCollection(req.scope, req.params.id)
    if (!cart) return next()
    if (providerId === COD_PROVIDER_ID) await prepareCartForCod(req.scope, cart, appConfig().payments.cod)
    else await removeCodFee(req.scope, cart)
    next()
  } catch (e) {
    next(e)
  }
}

export const offlinePaymentRoutes: MiddlewareRoute[] = [
  { matcher: "/store/payment-collections/:id/payment-sessions", method: ["POST"], middlewares: [codSessionGate] },
  { matcher: "/store/upi/payment-sessions/:id/utr", method: ["POST"], middlewares: [validateAndTransformBody(SubmitUtrSchema)] },
  { matcher: "/admin/upi/orders/:id/approve", method: ["POST"], middlewares: [validateAndTransformBody(ApproveUpiSchema)] },
  { matcher: "/admin/upi/orders/:id/reject", method: ["POST"], middlewares: [validateAndTransformBody(ReasonSchema)] },
  { matcher: "/admin/upi/statements", method: ["POST"], middlewares: [validateAndTransformBody(CsvImportSchema)], bodyParser: { sizeLimit: "2mb" } },
  { matcher: "/admin/cod/orders/:id/delivered", method: ["POST"], middlewares: [validateAndTransformBody(NoteSchema)] },
  { matcher: "/admin/cod/orders/:id/rto", method: ["POST"], middlewares: [validateAndTransformBody(ReasonSchema)] },
  { matcher: "/admin/cod/remittances", method: ["POST"], middlewares: [validateAndTransformBody(CsvImportSchema)], bodyParser: { sizeLimit: "2mb" } },
]
