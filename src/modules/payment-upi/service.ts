import QRCode from "qrcode"
import { AbstractPaymentProvider, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { AmountError, buildUpiUri, isUtr, isVpa, paiseToRupees, toPaise, upiReference } from "./helpers"
import type { UpiApproval, UpiOptions, UpiSessionData } from "./types"

const DEFAULT_EXPIRY_MINUTES = 60

/**
 * UPI direct: the shopper pays the merchant's VPA from any UPI app through an intent link or QR.
 * No PSP tells us about the transfer, so the order is placed `pending_authorization` and only a
 * verified UTR (staff or bank statement) turns it into a captured payment.
 */
export class UpiProviderService extends AbstractPaymentProvider<UpiOptions> {
  static identifier = "upi"
  protected readonly options_: UpiOptions

  static validateOptions(options: Record<string, unknown>): void {
    if (!isVpa(options.vpa)) throw new MedusaError(MedusaError.Types.INVALID_DATA, "UPI provider: option `vpa` must be a VPA like shop@okaxis")
    if (typeof options.payeeName !== "string" || !options.payeeName.trim()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "UPI provider: option `payeeName` is required")
    }
  }

  constructor(cradle: Record<string, unknown>, options: UpiOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(cradle, options)
    this.options_ = options
  }

  async initiatePayment({ amount, currency_code, data }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const sessionId = data?.session_id
    if (typeof sessionId !== "string" || !sessionId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "UPI: payment session id missing")
    const session = await this.intent(sessionId, amount, currency_code)
    return { id: session.reference, data: session, status: PaymentSessionStatus.PENDING }
  }

  /**
   * Medusa calls this when the amount changes (a new intent is built); our staff approval route
   * calls it with `approval` once the UTR is verified. Nothing else the caller sends is kept.
   */
  async updatePayment({ amount, currency_code, data }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const stored = this.sessionData(data)
    let session = stored
    if (amount !== undefined && currency_code && !stored.approval && this.paise(amount) !== stored.amount_paise) {
      session = await this.intent(stored.session_id, amount, currency_code)
    }
    const approval = (data as { approval?: UpiApproval } | undefined)?.approval
    if (approval) {
      if (!isUtr(approval.utr) || !approval.approved_by) throw new MedusaError(MedusaError.Types.INVALID_DATA, "UPI: approval needs a 12-digit UTR and an approver")
      session = { ...session, approval: { utr: approval.utr, approved_by: approval.approved_by, approved_at: approval.approved_at, source: approval.source } }
    }
    return { data: session }
  }

  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const session = this.sessionData(data)
    // Verified transfers are money in the bank: authorized and captured at once.
    return { status: session.approval ? PaymentSessionStatus.CAPTURED : PaymentSessionStatus.PENDING_AUTHORIZATION, data: session }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const session = this.sessionData(data)
    return { status: session.approval ? PaymentSessionStatus.CAPTURED : PaymentSessionStatus.PENDING_AUTHORIZATION, data: session }
  }

  async capturePayment({ data }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data: data ?? {} }
  }

  /** Refunds are bank/UPI transfers made by staff outside the shop; Medusa records them. */
  async refundPayment({ data }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return { data: data ?? {} }
  }

  async cancelPayment({ data }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: data ?? {} }
  }

  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: data ?? {} }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: data ?? {} }
  }

  async getWebhookActionAndData(): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }

  private paise(amount: unknown): number {
    try {
      return toPaise(amount as number)
    } catch (e) {
      if (e instanceof AmountError) throw new MedusaError(MedusaError.Types.INVALID_DATA, `UPI: ${e.message}`)
      throw e
    }
  }

  private async intent(sessionId: string, amount: unknown, currency: string): Promise<UpiSessionData> {
    if (currency?.toLowerCase() !== "inr") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `UPI accepts INR only; this cart is in ${currency?.toUpperCase()}`)
    }
    const paise = this.paise(amount)
    if (paise < 100) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "UPI needs an amount of at least ₹1.00")
    const reference = upiReference(sessionId)
    const uri = buildUpiUri({ vpa: this.options_.vpa, payeeName: this.options_.payeeName, paise, reference, note: `Order ${reference.slice(-12)}` })
    const [png, svg] = await Promise.all([
      QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 2, width: 320 }),
      QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 }),
    ])
    const minutes = this.options_.expiryMinutes ?? DEFAULT_EXPIRY_MINUTES
    return {
      session_id: sessionId,
      reference,
      upi_uri: uri,
      qr_png_data_url: png,
      qr_svg: svg,
      amount: paiseToRupees(paise),
      amount_paise: paise,
      currency: "INR",
      expires_at: new Date(Date.now() + minutes * 60_000).toISOString(),
    }
  }

  private sessionData(data: Record<string, unknown> | undefined): UpiSessionData {
    const s = data as UpiSessionData | undefined
    if (!s?.session_id || !s.reference || typeof s.amount_paise !== "number") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "UPI: payment session data is missing")
    }
    return s
  }
}
