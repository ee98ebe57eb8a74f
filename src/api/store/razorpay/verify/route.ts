import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { RAZORPAY_PROVIDER_ID } from "../../../../lib/payments/providers-config"
import type { RazorpayVerifyBody } from "./validators"

/**
 * The storefront hands over what Razorpay Checkout returned. The provider checks the signature
 * against the order id it stored for the session; the cart can then be completed.
 */
export const POST = async (req: MedusaRequest<RazorpayVerifyBody>, res: MedusaResponse) => {
  const body = req.validatedBody
  const payments = req.scope.resolve(Modules.PAYMENT)
  const [session] = await payments.listPaymentSessions({ id: body.payment_session_id })
  if (!session || session.provider_id !== RAZORPAY_PROVIDER_ID) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Razorpay payment session not found")
  }
  if (session.status !== "pending" && session.status !== "requires_more") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Payment session is ${session.status}; nothing to verify`)
  }
  const updated = await payments.updatePaymentSession({
    id: session.id,
    amount: session.amount,
    currency_code: session.currency_code,
    data: {
      ...session.data,
      razorpay_order_id: body.razorpay_order_id,
      razorpay_payment_id: body.razorpay_payment_id,
      razorpay_signature: body.razorpay_signature,
    },
  })
  res.json({
    payment_session: {
      id: updated.id,
      status: updated.status,
      verified_payment_id: (updated.data as Record<string, unknown>)?.verified_payment_id ?? null,
    },
  })
}
