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

/**
 * Cash on delivery: authorized when the order is placed, captured when staff mark it delivered,
 * canceled on return to origin. Cart-level eligibility (pincode, totals, shipping option) is
 * checked before the session is created, where the cart is known (src/api/cod-middlewares.ts).
 */
export class CodProviderService extends AbstractPaymentProvider<Record<string, never>> {
  static identifier = "cod"

  constructor(cradle: Record<string, unknown>, options: Record<string, never>) {
    // eslint-disable-next-line prefer-rest-params
    super(cradle, options)
  }

  async initiatePayment({ currency_code, data }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    if (currency_code?.toLowerCase() !== "inr") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cash on delivery is available for INR orders only (this cart is in ${currency_code?.toUpperCase()})`)
    }
    const sessionId = typeof data?.session_id === "string" ? data.session_id : undefined
    return { id: sessionId ?? "cod", data: { session_id: sessionId, method: "cod" }, status: PaymentSessionStatus.PENDING }
  }

  async updatePayment({ data }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return { data: data ?? {} }
  }

  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return { status: PaymentSessionStatus.AUTHORIZED, data: data ?? {} }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    return { status: PaymentSessionStatus.AUTHORIZED, data: data ?? {} }
  }

  async capturePayment({ data }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data: { ...(data ?? {}), collected_at: new Date().toISOString() } }
  }

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
}
