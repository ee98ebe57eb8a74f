import { z } from "@medusajs/framework/zod"

export const RazorpayVerifySchema = z
  .object({
    payment_session_id: z.string().min(1),
    razorpay_order_id: z.string().regex(/^order_[A-Za-z0-9]{6,40}$/, "not a Razorpay order id"),
    razorpay_payment_id: z.string().regex(/^pay_[A-Za-z0-9]{6,40}$/, "not a Razorpay payment id"),
    razorpay_signature: z.string().regex(/^[0-9a-f]{64}$/, "not a hex HMAC-SHA256 signature"),
  })
  .strict()

export type RazorpayVerifyBody = z.infer<typeof RazorpayVerifySchema>
