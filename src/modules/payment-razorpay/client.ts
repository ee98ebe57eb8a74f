import type { RazorpayOrder, RazorpayPayment, RazorpayRefund } from "./types"

export class RazorpayApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
    readonly reason?: string
  ) {
    super(`Razorpay ${status} ${code}: ${description}`)
  }
}

type Request = { method: "GET" | "POST"; path: string; body?: unknown; headers?: Record<string, string> }

/**
 * A small client for the documented Razorpay REST API. Not the official SDK: that one cannot
 * set `X-Refund-Idempotency` per request, hard-codes its host, and compares signatures with `===`.
 */
export class RazorpayClient {
  private readonly auth: string
  private readonly base: string

  constructor(opts: { keyId: string; keySecret: string; apiBase?: string; timeoutMs?: number }, private readonly timeoutMs = opts.timeoutMs ?? 15_000) {
    this.auth = "Basic " + Buffer.from(`${opts.keyId}:${opts.keySecret}`).toString("base64")
    this.base = (opts.apiBase ?? "https://api.razorpay.com/v1").replace(/\/+$/, "")
  }

  createOrder(body: { amount: number; currency: string; receipt: string; notes: Record<string, string>; payment: { capture: "manual" | "automatic" } }) {
    return this.request<RazorpayOrder>({ method: "POST", path: "/orders", body })
  }

  fetchOrder(orderId: string) {
    return this.request<RazorpayOrder>({ method: "GET", path: `/orders/${encodeURIComponent(orderId)}` })
  }

  async fetchOrderPayments(orderId: string): Promise<RazorpayPayment[]> {
    const res = await this.request<{ items: RazorpayPayment[] }>({ method: "GET", path: `/orders/${encodeURIComponent(orderId)}/payments` })
    return res.items ?? []
  }

  fetchPayment(paymentId: string) {
    return this.request<RazorpayPayment>({ method: "GET", path: `/payments/${encodeURIComponent(paymentId)}` })
  }

  capturePayment(paymentId: string, amount: number, currency: string) {
    return this.request<RazorpayPayment>({
      method: "POST",
      path: `/payments/${encodeURIComponent(paymentId)}/capture`,
      body: { amount, currency },
    })
  }

  refundPayment(
    paymentId: string,
    body: { amount: number; speed: "normal" | "optimum"; notes: Record<string, string> },
    idempotencyKey?: string
  ) {
    return this.request<RazorpayRefund>({
      method: "POST",
      path: `/payments/${encodeURIComponent(paymentId)}/refund`,
      body,
      headers: idempotencyKey ? { "X-Refund-Idempotency": idempotencyKey } : undefined,
    })
  }

  private async request<T>(req: Request): Promise<T> {
    const res = await fetch(this.base + req.path, {
      method: req.method,
      headers: {
        authorization: this.auth,
        accept: "application/json",
        ...(req.body ? { "content-type": "application/json" } : {}),
        ...req.headers,
      },
      body: req.body ? JSON.stringify(req.body) : undefined,
      signal: AbortSignal.timeout(this.timeoutMs),
    })
    const text = await res.text()
    let json: any
    try {
      json = text ? JSON.parse(text) : {}
    } catch {
      json = {}
    }
    if (!res.ok) {
      const err = json?.error ?? {}
      throw new RazorpayApiError(res.status, String(err.code ?? "HTTP_ERROR"), String(err.description ?? res.statusText), err.reason)
    }
    return json as T
  }
}
