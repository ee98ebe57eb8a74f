import {
  AbstractPaymentProvider,
  MedusaError,
  PaymentActions,
  PaymentSessionStatus,
} from "@medusajs/framework/utils"
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
  Logger,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { RazorpayApiError, RazorpayClient } from "./client"
import {
  AmountError,
  buildReceipt,
  fromMinorUnits,
  notesOf,
  parseWebhookBody,
  pickCheckoutFields,
  rawBytes,
  refundIdempotencyKey,
  toMinorUnits,
  verifyCheckoutSignature,
  verifyWebhookSignature,
} from "./helpers"
import type { RazorpayOptions, RazorpayOrder, RazorpayPayment, RazorpaySessionData } from "./types"

type Cradle = { logger: Logger }

/**
 * Razorpay as a Medusa payment provider: one Razorpay order per payment session, payments
 * verified server-side before Medusa treats them as authorized, capture/refund with the
 * gateway's own rules (full capture only, idempotent refunds), signed webhooks.
 */
export class RazorpayProviderService extends AbstractPaymentProvider<RazorpayOptions> {
  static identifier = "razorpay"

  protected readonly logger_: Logger
  protected readonly options_: RazorpayOptions
  protected readonly client_: RazorpayClient

  static validateOptions(options: Record<string, unknown>): void {
    for (const key of ["keyId", "keySecret", "webhookSecret"]) {
      if (typeof options[key] !== "string" || !options[key]) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Razorpay provider: option \`${key}\` is required`)
      }
    }
    if (options.refundSpeed !== undefined && !["normal", "optimum"].includes(options.refundSpeed as string)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Razorpay provider: `refundSpeed` must be normal or optimum")
    }
  }

  constructor(cradle: Cradle, options: RazorpayOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(cradle, options)
    this.logger_ = cradle.logger
    this.options_ = options
    this.client_ = new RazorpayClient(options)
  }

  async initiatePayment({ amount, currency_code, data }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    // Medusa writes session_id after the client's data, so it cannot be spoofed; every other
    // key the storefront sent is ignored: amount, capture mode and notes are ours alone.
    const sessionId = data?.session_id
    if (typeof sessionId !== "string" || !sessionId) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Razorpay: payment session id missing")
    }
    const session = await this.createOrder(sessionId, amount, currency_code)
    return { id: session.order_id, data: session, status: PaymentSessionStatus.PENDING }
  }

  /**
   * Two callers: Medusa when the session amount changes (Razorpay orders are immutable, so a
   * new order is created), and our checkout route, which adds the fields Razorpay Checkout
   * returned. Those are verified here, against the order id we stored, never the client's.
   */
  async updatePayment({ amount, currency_code, data }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    let session = this.sessionData(data)
    if (amount !== undefined && currency_code) {
      const minor = this.minorUnits(amount, currency_code)
      if (minor !== session.amount || currency_code.toUpperCase() !== session.currency) {
        session = await this.createOrder(session.session_id, amount, currency_code)
        return { data: session, status: PaymentSessionStatus.PENDING }
      }
    }
    if (data && "razorpay_signature" in data) {
      const fields = pickCheckoutFields(data)
      const ok =
        !!fields &&
        fields.razorpay_order_id === session.order_id &&
        verifyCheckoutSignature(
          { orderId: session.order_id, paymentId: fields.razorpay_payment_id, signature: fields.razorpay_signature },
          this.options_.keySecret
        )
      if (!ok) {
        this.logger_.warn(`razorpay: checkout signature rejected for session ${session.session_id} (order ${session.order_id})`)
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "Razorpay checkout signature does not match this payment session")
      }
      session = { ...session, verified_payment_id: fields!.razorpay_payment_id }
    }
    return { data: session }
  }

  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const session = this.sessionData(data)
    const { status, payment } = await this.verifiedPayment(session)
    if (!payment) return { status, data: session }
    let result: RazorpaySessionData = { ...session, payment_id: payment.id }
    if (status === PaymentSessionStatus.AUTHORIZED && this.options_.capture) {
      await this.captureAtGateway(result)
      return { status: PaymentSessionStatus.CAPTURED, data: result }
    }
    return { status, data: result }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const session = this.sessionData(data)
    const { status, payment } = await this.verifiedPayment(session)
    return { status, data: payment ? { ...session, payment_id: payment.id } : session }
  }

  /** Razorpay captures the full order amount only; a payment already captured counts as done. */
  async capturePayment({ data }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const session = this.sessionData(data)
    await this.captureAtGateway(session)
    return { data: session }
  }

  async refundPayment({ amount, data, context }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const session = this.sessionData(data)
    const paymentId = this.requirePaymentId(session)
    const minor = this.minorUnits(amount, session.currency)
    const key = refundIdempotencyKey(context?.idempotency_key)
    try {
      const refund = await this.client_.refundPayment(
        paymentId,
        {
          amount: minor,
          speed: this.options_.refundSpeed ?? "normal",
          // Our own notes come back on refund.* webhooks: that is how a failed refund finds its session.
          notes: { session_id: session.session_id, ...(context?.idempotency_key ? { medusa_refund_id: context.idempotency_key } : {}) },
        },
        key
      )
      this.logger_.info(`razorpay: refund ${refund.id} of ${minor} ${session.currency} minor units for payment ${paymentId} is ${refund.status}`)
    } catch (e) {
      throw this.gatewayError(`refund of payment ${paymentId} failed`, e)
    }
    return { data: session }
  }

  /** Razorpay has no void: an uncaptured payment is auto-refunded when its capture window ends. */
  async cancelPayment({ data }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const session = this.sessionData(data)
    if (session.payment_id) {
      const payment = await this.client_.fetchPayment(session.payment_id)
      if (payment.status === "captured") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This Razorpay payment is captured: refund it instead of canceling")
      }
    }
    return { data: session }
  }

  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const session = this.sessionData(data)
    const order = await this.client_.fetchOrder(session.order_id)
    return { data: { ...session, order_status: order.status, amount_paid: order.amount_paid } }
  }

  async getWebhookActionAndData(payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    const raw = rawBytes(payload.rawData)
    const signature = headerValue(payload.headers, "x-razorpay-signature")
    const eventId = headerValue(payload.headers, "x-razorpay-event-id") ?? "?"
    if (!verifyWebhookSignature(raw, signature, this.options_.webhookSecret)) {
      this.logger_.warn(`razorpay webhook ${eventId}: signature invalid, ignored`)
      return { action: PaymentActions.NOT_SUPPORTED }
    }
    let body: unknown
    try {
      body = JSON.parse(raw!.toString("utf8"))
    } catch {
      return { action: PaymentActions.NOT_SUPPORTED }
    }
    const hook = parseWebhookBody(body)
    const actions: Record<string, PaymentActions> = {
      "order.paid": PaymentActions.SUCCESSFUL,
      "payment.captured": PaymentActions.SUCCESSFUL,
      "payment.authorized": PaymentActions.AUTHORIZED,
      "payment.failed": PaymentActions.FAILED,
    }
    const action = hook.event ? actions[hook.event] : undefined
    // refund.* events change nothing in Medusa (refunds are recorded when staff issue them);
    // failed refunds are surfaced by the app's payment-failure subscriber.
    if (!action || !hook.payment?.order_id) return { action: PaymentActions.NOT_SUPPORTED }

    const order = hook.order?.id === hook.payment.order_id ? hook.order : await this.client_.fetchOrder(hook.payment.order_id)
    const sessionId = notesOf(order).session_id
    if (!sessionId) return { action: PaymentActions.NOT_SUPPORTED } // not an order this shop created
    if (action !== PaymentActions.FAILED && !amountsMatch(hook.payment, order)) {
      this.logger_.warn(
        `razorpay webhook ${eventId}: payment ${hook.payment.id} amount/currency differs from order ${order.id} (session ${sessionId}); not applied`
      )
      return { action: PaymentActions.NOT_SUPPORTED }
    }
    return {
      action,
      data: { session_id: sessionId, amount: fromMinorUnits(hook.payment.amount, hook.payment.currency) },
    }
  }

  private async createOrder(sessionId: string, amount: UpdatePaymentInput["amount"], currencyCode: string): Promise<RazorpaySessionData> {
    const minor = this.minorUnits(amount, currencyCode)
    const currency = currencyCode.toUpperCase()
    let order: RazorpayOrder
    try {
      order = await this.client_.createOrder({
        amount: minor,
        currency,
        receipt: buildReceipt(sessionId),
        notes: { session_id: sessionId },
        // Always manual at the gateway: we capture explicitly, and only for payments we verified.
        payment: { capture: "manual" },
      })
    } catch (e) {
      throw this.gatewayError("could not create the Razorpay order", e)
    }
    return { order_id: order.id, amount: minor, currency, key_id: this.options_.keyId, session_id: sessionId }
  }

  /**
   * The gateway is the source of truth: fetch the order's payments and accept one only if it
   * is authorized or captured for exactly the session's amount and currency. When the
   * storefront supplied a verified checkout signature, it must be that very payment.
   */
  private async verifiedPayment(session: RazorpaySessionData): Promise<{ status: PaymentSessionStatus; payment?: RazorpayPayment }> {
    const payments = await this.client_.fetchOrderPayments(session.order_id)
    const live = payments.filter((p) => p.status === "authorized" || p.status === "captured")
    const wanted = session.payment_id ?? session.verified_payment_id
    const payment = wanted ? live.find((p) => p.id === wanted) : live[0]
    if (!payment) {
      return { status: payments.some((p) => p.status === "failed") && !live.length ? PaymentSessionStatus.ERROR : PaymentSessionStatus.REQUIRES_MORE }
    }
    if (payment.amount !== session.amount || payment.currency.toUpperCase() !== session.currency || payment.order_id !== session.order_id) {
      this.logger_.warn(
        `razorpay: payment ${payment.id} (${payment.amount} ${payment.currency}) does not match session ${session.session_id} (${session.amount} ${session.currency}); not authorized`
      )
      return { status: PaymentSessionStatus.ERROR }
    }
    return { status: payment.status === "captured" ? PaymentSessionStatus.CAPTURED : PaymentSessionStatus.AUTHORIZED, payment }
  }

  private async captureAtGateway(session: RazorpaySessionData): Promise<void> {
    const paymentId = this.requirePaymentId(session)
    const before = await this.client_.fetchPayment(paymentId)
    if (before.status === "captured" || before.status === "refunded") return
    if (before.status !== "authorized") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Razorpay payment ${paymentId} is ${before.status}; it cannot be captured`)
    }
    if (before.amount !== session.amount || before.currency.toUpperCase() !== session.currency) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Razorpay payment ${paymentId} does not match the session amount; not captured`)
    }
    try {
      await this.client_.capturePayment(paymentId, session.amount, session.currency)
    } catch (e) {
      // A concurrent or retried capture may have won: what counts is the gateway's state now.
      const after = await this.client_.fetchPayment(paymentId).catch(() => undefined)
      if (after?.status === "captured") return
      throw this.gatewayError(`capture of payment ${paymentId} failed`, e)
    }
  }

  /** Only keys this provider wrote are read back; anything else in `data` is dropped. */
  private sessionData(data: Record<string, unknown> | undefined): RazorpaySessionData {
    const d = data ?? {}
    const str = (k: string) => (typeof d[k] === "string" && d[k] ? (d[k] as string) : undefined)
    const orderId = str("order_id")
    const currency = str("currency")
    const sessionId = str("session_id")
    if (!orderId || !currency || !sessionId || !Number.isSafeInteger(d.amount)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Razorpay: payment session data is incomplete")
    }
    return {
      order_id: orderId,
      amount: d.amount as number,
      currency,
      key_id: str("key_id") ?? this.options_.keyId,
      session_id: sessionId,
      ...(str("verified_payment_id") ? { verified_payment_id: str("verified_payment_id") } : {}),
      ...(str("payment_id") ? { payment_id: str("payment_id") } : {}),
    }
  }

  private requirePaymentId(session: RazorpaySessionData): string {
    if (!session.payment_id) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Razorpay: no authorized payment on this session")
    return session.payment_id
  }

  private minorUnits(amount: UpdatePaymentInput["amount"], currency: string): number {
    try {
      return toMinorUnits(amount, currency)
    } catch (e) {
      if (e instanceof AmountError) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Razorpay: ${e.message}`)
      throw e
    }
  }

  private gatewayError(what: string, e: unknown): Error {
    if (e instanceof MedusaError) return e
    if (e instanceof RazorpayApiError) {
      this.logger_.warn(`razorpay: ${what}: ${e.status} ${e.code}`)
      const type = e.status >= 400 && e.status < 500 ? MedusaError.Types.NOT_ALLOWED : MedusaError.Types.UNEXPECTED_STATE
      return new MedusaError(type, `Razorpay: ${what}: ${e.description}`)
    }
    this.logger_.warn(`razorpay: ${what}: ${(e as Error)?.message}`)
    return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Razorpay: ${what}: gateway unreachable`)
  }
}

function amountsMatch(payment: RazorpayPayment, order: RazorpayOrder): boolean {
  return payment.amount === order.amount && payment.currency.toUpperCase() === order.currency.toUpperCase()
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const v = headers?.[name] ?? headers?.[name.toLowerCase()]
  return typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : undefined
}

export default RazorpayProviderService
