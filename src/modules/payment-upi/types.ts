export type UpiOptions = {
  /** Merchant VPA, e.g. shop@okaxis. */
  vpa: string
  /** Payee name shown in the payer's app. */
  payeeName: string
  /** Minutes an unpaid order stays open (shown to the shopper as expires_at; the expiry job enforces it). */
  expiryMinutes?: number
}

/** Staff (or the statement reconciler) verified the transfer: authorizePayment then answers captured. */
export type UpiApproval = { utr: string; approved_by: string; approved_at: string; source: "staff" | "statement" }

export type UpiSessionData = {
  session_id: string
  reference: string
  upi_uri: string
  qr_png_data_url: string
  qr_svg: string
  /** Rupees, two decimals, as in the intent. */
  amount: string
  amount_paise: number
  currency: "INR"
  expires_at: string
  approval?: UpiApproval
}
