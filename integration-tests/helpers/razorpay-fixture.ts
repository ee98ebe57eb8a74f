import http from "http"
import { createHmac, randomBytes } from "crypto"
import type { AddressInfo } from "net"

/**
 * A stand-in for api.razorpay.com/v1 on a local port: the documented wire format (entities,
 * error bodies, Basic auth) and rules (integer amounts, full capture only, refunds up to the
 * captured amount, X-Refund-Idempotency), plus helpers that play the customer paying in
 * Checkout and that sign webhooks the way Razorpay does.
 */
export const RZP = { keyId: "rzp_test_fixture01", keySecret: "test_key_secret", webhookSecret: "whsec_test" }

type Order = { id: string; entity: "order"; amount: number; amount_paid: number; amount_due: number; currency: string; receipt: string; status: string; notes: Record<string, string> | []; attempts: number; created_at: number; payment: unknown }
type Payment = { id: string; entity: "payment"; amount: number; currency: string; status: string; order_id: string; method: string; captured: boolean; amount_refunded: number; refund_status: string | null; error_code: string | null; error_reason: string | null; notes: []; created_at: number }
type Refund = { id: string; entity: "refund"; amount: number; currency: string; payment_id: string; status: string; speed_requested: string; notes: Record<string, string>; created_at: number }

const rid = (prefix: string) => `${prefix}_${randomBytes(10).toString("base64").replace(/[^A-Za-z0-9]/g, "").slice(0, 14).padEnd(14, "X")}`
const now = () => Math.floor(Date.now() / 1000)

export type LoggedRequest = { method: string; path: string; headers: http.IncomingHttpHeaders; body: any }

export class RazorpayFixture {
  orders = new Map<string, Order>()
  payments = new Map<string, Payment>()
  refunds = new Map<string, Refund>()
  requests: LoggedRequest[] = []
  private idempotency = new Map<string, { body: string; refund: Refund }>()
  private server?: http.Server
  url = ""

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res))
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`
    return this
  }

  async stop() {
    await new Promise((r) => this.server?.close(r))
  }

  /** The customer pays in Razorpay Checkout: a payment is authorized on the order (or fails). */
  pay(orderId: string, opts: { amount?: number; currency?: string; fail?: boolean } = {}) {
    const order = this.orders.get(orderId)
    if (!order) throw new Error(`no order ${orderId}`)
    order.attempts++
    order.status = "attempted"
    const payment: Payment = {
      id: rid("pay"),
      entity: "payment",
      amount: opts.amount ?? order.amount,
      currency: opts.currency ?? order.currency,
      status: opts.fail ? "failed" : "authorized",
      order_id: order.id,
      method: "card",
      captured: false,
      amount_refunded: 0,
      refund_status: null,
      error_code: opts.fail ? "BAD_REQUEST_ERROR" : null,
      error_reason: opts.fail ? "payment_failed" : null,
      notes: [],
      created_at: now(),
    }
    this.payments.set(payment.id, payment)
    const signature = createHmac("sha256", RZP.keySecret).update(`${order.id}|${payment.id}`).digest("hex")
    return { payment, checkout: { razorpay_order_id: order.id, razorpay_payment_id: payment.id, razorpay_signature: signature } }
  }

  /** A webhook delivery as Razorpay sends it: exact body bytes, HMAC over them, an event id. */
  webhook(event: string, entities: { payment?: unknown; order?: unknown; refund?: unknown }, opts: { eventId?: string; secret?: string } = {}) {
    const payload: Record<string, { entity: unknown }> = {}
    for (const [k, v] of Object.entries(entities)) if (v) payload[k] = { entity: v }
    const body = JSON.stringify({ entity: "event", account_id: "acc_Fixture0000001", event, contains: Object.keys(payload), payload, created_at: now() })
    const signature = createHmac("sha256", opts.secret ?? RZP.webhookSecret).update(body).digest("hex")
    return {
      body,
      headers: {
        "content-type": "application/json",
        "x-razorpay-signature": signature,
        "x-razorpay-event-id": opts.eventId ?? rid("evt"),
      },
    }
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    let raw = ""
    req.on("data", (c) => (raw += c))
    req.on("end", () => {
      const body = raw ? JSON.parse(raw) : undefined
      this.requests.push({ method: req.method!, path: req.url!, headers: req.headers, body })
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { "content-type": "application/json" })
        res.end(JSON.stringify(json))
      }
      const fail = (status: number, description: string, code = "BAD_REQUEST_ERROR") =>
        send(status, { error: { code, description, source: "business", step: "payment_initiation", reason: "input_validation_failed", metadata: {}, field: null } })

      const expected = "Basic " + Buffer.from(`${RZP.keyId}:${RZP.keySecret}`).toString("base64")
      if (req.headers.authorization !== expected) return fail(401, "Authentication failed")

      const path = (req.url ?? "").replace(/^\/v1/, "")
      let m: RegExpMatchArray | null
      if (req.method === "POST" && path === "/orders") return this.createOrder(body, send, fail)
      if (req.method === "GET" && (m = path.match(/^\/orders\/([^/]+)$/))) {
        const o = this.orders.get(m[1])
        return o ? send(200, o) : fail(400, "The id provided does not exist")
      }
      if (req.method === "GET" && (m = path.match(/^\/orders\/([^/]+)\/payments$/))) {
        if (!this.orders.has(m[1])) return fail(400, "The id provided does not exist")
        const items = [...this.payments.values()].filter((p) => p.order_id === m![1])
        return send(200, { entity: "collection", count: items.length, items })
      }
      if (req.method === "GET" && (m = path.match(/^\/payments\/([^/]+)$/))) {
        const p = this.payments.get(m[1])
        return p ? send(200, p) : fail(400, "The id provided does not exist")
      }
      if (req.method === "POST" && (m = path.match(/^\/payments\/([^/]+)\/capture$/))) return this.capture(m[1], body, send, fail)
      if (req.method === "POST" && (m = path.match(/^\/payments\/([^/]+)\/refund$/))) {
        return this.refund(m[1], body, raw, req.headers["x-refund-idempotency"] as string | undefined, send, fail)
      }
      fail(404, "The requested URL was not found on the server.", "NOT_FOUND")
    })
  }

  private createOrder(body: any, send: (s: number, j: unknown) => void, fail: (s: number, d: string) => void) {
    if (!Number.isInteger(body?.amount)) return fail(400, "The amount must be an integer.")
    if (body.amount < 100) return fail(400, "Order amount less than minimum amount allowed")
    if (typeof body.currency !== "string" || body.currency.length !== 3) return fail(400, "The currency field is invalid.")
    if (body.receipt && String(body.receipt).length > 40) return fail(400, "The receipt may not be greater than 40 characters.")
    if (body.notes && Object.keys(body.notes).length > 15) return fail(400, "Number of notes cannot be more than 15")
    const order: Order = {
      id: rid("order"),
      entity: "order",
      amount: body.amount,
      amount_paid: 0,
      amount_due: body.amount,
      currency: body.currency,
      receipt: body.receipt ?? null,
      status: "created",
      notes: body.notes && Object.keys(body.notes).length ? body.notes : [],
      attempts: 0,
      created_at: now(),
      payment: body.payment,
    }
    this.orders.set(order.id, order)
    send(200, order)
  }

  private capture(id: string, body: any, send: (s: number, j: unknown) => void, fail: (s: number, d: string) => void) {
    const p = this.payments.get(id)
    if (!p) return fail(400, "The id provided does not exist")
    if (p.status !== "authorized") return fail(400, "This payment has already been captured")
    if (!Number.isInteger(body?.amount) || body.amount !== p.amount) return fail(400, "Capture amount must be equal to the amount authorized")
    if (String(body.currency).toUpperCase() !== p.currency.toUpperCase()) return fail(400, "The currency should be same as the payment currency")
    p.status = "captured"
    p.captured = true
    const order = this.orders.get(p.order_id)!
    order.status = "paid"
    order.amount_paid = p.amount
    order.amount_due = 0
    send(200, p)
  }

  private refund(id: string, body: any, raw: string, key: string | undefined, send: (s: number, j: unknown) => void, fail: (s: number, d: string) => void) {
    if (key) {
      if (!/^[A-Za-z0-9_-]{10,}$/.test(key)) return fail(400, "Invalid idempotency key")
      const seen = this.idempotency.get(key)
      if (seen) return seen.body === raw ? send(200, seen.refund) : fail(400, "Different request with the same idempotency key has already been processed.")
    }
    const p = this.payments.get(id)
    if (!p) return fail(400, "The id provided does not exist")
    if (p.status !== "captured" && p.status !== "refunded") return fail(400, "The payment status should be captured for action to be taken.")
    const amount = body?.amount ?? p.amount - p.amount_refunded
    if (!Number.isInteger(amount) || amount < 100) return fail(400, "The amount must be atleast INR 1.00.")
    if (amount > p.amount - p.amount_refunded) return fail(400, "The refund amount provided is greater than amount captured")
    const refund: Refund = { id: rid("rfnd"), entity: "refund", amount, currency: p.currency, payment_id: p.id, status: "processed", speed_requested: body?.speed ?? "normal", notes: body?.notes ?? {}, created_at: now() }
    p.amount_refunded += amount
    p.refund_status = p.amount_refunded === p.amount ? "full" : "partial"
    if (p.amount_refunded === p.amount) p.status = "refunded"
    this.refunds.set(refund.id, refund)
    if (key) this.idempotency.set(key, { body: raw, refund })
    send(200, refund)
  }
}
