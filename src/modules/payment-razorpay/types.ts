/** Options of the Razorpay provider, read from env in medusa-config.ts. */
export type RazorpayOptions = {
  /** `rzp_test_…` / `rzp_live_…`; also handed to the storefront for Checkout. */
  keyId: string
  keySecret: string
  /** Secret of the webhook configured in the Razorpay dashboard. */
  webhookSecret: string
  /**
   * true: capture at the gateway as soon as the payment is verified (Medusa records it captured).
   * false (default): authorize only; staff capture from the order page. Razorpay auto-refunds
   * uncaptured payments after a few days, so payments for abandoned sessions are never kept.
   */
  capture?: boolean
  /** Refund speed sent to Razorpay: "normal" (default) or "optimum" (instant when possible). */
  refundSpeed?: "normal" | "optimum"
  /** Base URL of the REST API (default https://api.razorpay.com/v1); tests point it at a fixture. */
  apiBase?: string
}

/** Razorpay order entity (the fields we read). Amounts are integer minor units (paise). */
export type RazorpayOrder = {
  id: string
  entity: "order"
  amount: number
  amount_paid: number
  amount_due: number
  currency: string
  receipt: string | null
  status: "created" | "attempted" | "paid"
  notes: Record<string, string> | []
}

export type RazorpayPayment = {
  id: string
  entity: "payment"
  amount: number
  currency: string
  status: "created" | "authorized" | "captured" | "refunded" | "failed"
  order_id: string | null
  captured: boolean
  amount_refunded: number
  error_code?: string | null
  error_reason?: string | null
}

export type RazorpayRefund = {
  id: string
  entity: "refund"
  amount: number
  currency: string
  payment_id: string
  status: "pending" | "processed" | "failed"
  notes?: Record<string, string> | []
}

/** What we keep in the Medusa payment session / payment `data`. Only this provider writes it. */
export type RazorpaySessionData = {
  order_id: string
  /** Integer minor units, as sent to Razorpay. */
  amount: number
  currency: string
  key_id: string
  session_id: string
  /** Set by the checkout-verification route once the signature matched. */
  verified_payment_id?: string
  /** The Razorpay payment that authorized this session. */
  payment_id?: string
}
