import http from "http"
import type { AddressInfo } from "net"
import { randomBytes } from "crypto"
import Stripe from "stripe"

/**
 * Stands in for api.stripe.com on a local port: form-encoded requests, JSON objects and error
 * bodies as Stripe documents them, with its rules (capture only a requires_capture intent,
 * refunds up to what was received, idempotency keys), and webhooks signed as Stripe signs them.
 *
 * Medusa's Stripe provider builds its SDK client without a host option, and nock cannot stand
 * in for it (the SDK writes its request only after the TLS `secureConnect` event, which nock's
 * mock socket never emits), so `attach` gives the provider an SDK client of the same Stripe
 * version pointed at this server: the provider code and the SDK's HTTP layer stay the real ones.
 */
export const STRIPE = { apiKey: "sk_test_fixture", webhookSecret: "whsec_test_stripe" }

type Intent = {
  id: string
  object: "payment_intent"
  amount: number
  amount_capturable: number
  amount_received: number
  currency: string
  status: string
  capture_method: string
  client_secret: string
  metadata: Record<string, string>
  last_payment_error: null | { code: string; message: string; type: string }
  payment_method: string | null
  latest_charge: string | null
  created: number
  livemode: false
}
type Refund = { id: string; object: "refund"; amount: number; currency: string; payment_intent: string; status: string; created: number }
export type StripeRequest = { method: string; path: string; headers: Record<string, unknown>; body: Record<string, string> }

const rid = (p: string) => `${p}_${randomBytes(12).toString("hex").slice(0, 24)}`
const now = () => Math.floor(Date.now() / 1000)

export class StripeFixture {
  intents = new Map<string, Intent>()
  refunds = new Map<string, Refund>()
  requests: StripeRequest[] = []
  private idempotent = new Map<string, [number, unknown]>()

  private server?: http.Server
  port = 0

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let raw = ""
      req.on("data", (c) => (raw += c))
      req.on("end", () => {
        const [status, json] = this.handle(req.method!, req.url!, raw, req.headers as Record<string, unknown>)
        res.writeHead(status, { "content-type": "application/json", "request-id": rid("req") })
        res.end(JSON.stringify(json))
      })
    })
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r))
    this.port = (this.server.address() as AddressInfo).port
    return this
  }

  async stop() {
    await new Promise((r) => this.server?.close(r))
  }

  /** Points a loaded Stripe provider (its `stripe_` SDK client) at this server. */
  attach(provider: { stripe_: unknown }) {
    // The Stripe SDK version the provider itself depends on.
    const StripeSdk = require(require.resolve("stripe", { paths: [require.resolve("@medusajs/payment-stripe")] }))
    provider.stripe_ = new StripeSdk(STRIPE.apiKey, { host: "127.0.0.1", port: this.port, protocol: "http", maxNetworkRetries: 0 })
  }

  /** The customer confirms the card with Stripe.js: the intent awaits capture (manual) . */
  confirm(intentId: string, opts: { fail?: boolean } = {}) {
    const pi = this.intents.get(intentId)!
    pi.payment_method = "pm_card_visa"
    if (opts.fail) {
      pi.status = "requires_payment_method"
      pi.last_payment_error = { code: "card_declined", message: "Your card was declined.", type: "card_error" }
    } else {
      pi.status = pi.capture_method === "manual" ? "requires_capture" : "succeeded"
      pi.amount_capturable = pi.capture_method === "manual" ? pi.amount : 0
      pi.amount_received = pi.capture_method === "manual" ? 0 : pi.amount
    }
    return pi
  }

  /** A webhook delivery: the event JSON and a `Stripe-Signature` made by the real SDK. */
  webhook(type: string, object: unknown, opts: { id?: string; secret?: string } = {}) {
    const body = JSON.stringify({ id: opts.id ?? rid("evt"), object: "event", api_version: "2024-06-20", created: now(), type, data: { object }, livemode: false, pending_webhooks: 1 })
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: opts.secret ?? STRIPE.webhookSecret })
    return { body, headers: { "content-type": "application/json", "stripe-signature": signature } }
  }

  private handle(method: string, uri: string, raw: string, headers: Record<string, unknown>): [number, unknown] {
    const url = new URL(uri, "https://api.stripe.com")
    const body = Object.fromEntries(new URLSearchParams(raw))
    this.requests.push({ method, path: url.pathname, headers, body })
    if (headers.authorization !== `Bearer ${STRIPE.apiKey}`) return err(401, "authentication_error", "Invalid API Key provided")
    const key = headers["idempotency-key"] as string | undefined
    if (method === "POST" && key && this.idempotent.has(key)) return this.idempotent.get(key)!
    const res = this.route(method, url.pathname, body)
    if (method === "POST" && key) this.idempotent.set(key, res)
    return res
  }

  private route(method: string, path: string, body: Record<string, string>): [number, unknown] {
    let m: RegExpMatchArray | null
    if (method === "POST" && path === "/v1/payment_intents") {
      const amount = Number(body.amount)
      if (!Number.isInteger(amount) || amount < 50) return err(400, "invalid_request_error", "Invalid integer", "parameter_invalid_integer")
      const id = rid("pi")
      const metadata = Object.fromEntries(Object.entries(body).filter(([k]) => k.startsWith("metadata[")).map(([k, v]) => [k.slice(9, -1), v]))
      const pi: Intent = {
        id, object: "payment_intent", amount, amount_capturable: 0, amount_received: 0, currency: body.currency,
        status: "requires_payment_method", capture_method: body.capture_method ?? "automatic",
        client_secret: `${id}_secret_${randomBytes(8).toString("hex")}`, metadata, last_payment_error: null,
        payment_method: null, latest_charge: null, created: now(), livemode: false,
      }
      this.intents.set(id, pi)
      return [200, pi]
    }
    if ((m = path.match(/^\/v1\/payment_intents\/([^/]+)$/))) {
      const pi = this.intents.get(m[1])
      return pi ? [200, pi] : err(404, "invalid_request_error", `No such payment_intent: '${m[1]}'`, "resource_missing")
    }
    if (method === "POST" && (m = path.match(/^\/v1\/payment_intents\/([^/]+)\/capture$/))) {
      const pi = this.intents.get(m[1])
      if (!pi) return err(404, "invalid_request_error", "No such payment_intent", "resource_missing")
      if (pi.status !== "requires_capture") {
        return [400, { error: { type: "invalid_request_error", code: "payment_intent_unexpected_state", message: `This PaymentIntent could not be captured because it has a status of ${pi.status}.`, payment_intent: pi } }]
      }
      Object.assign(pi, { status: "succeeded", amount_received: pi.amount_capturable, amount_capturable: 0, latest_charge: rid("ch") })
      return [200, pi]
    }
    if (method === "POST" && (m = path.match(/^\/v1\/payment_intents\/([^/]+)\/cancel$/))) {
      const pi = this.intents.get(m[1])
      if (!pi) return err(404, "invalid_request_error", "No such payment_intent", "resource_missing")
      pi.status = "canceled"
      return [200, pi]
    }
    if (method === "POST" && path === "/v1/refunds") {
      const pi = this.intents.get(body.payment_intent)
      if (!pi || pi.status !== "succeeded") return err(400, "invalid_request_error", "This PaymentIntent does not have a successful charge to refund.")
      const refunded = [...this.refunds.values()].filter((r) => r.payment_intent === pi.id).reduce((s, r) => s + r.amount, 0)
      const amount = body.amount ? Number(body.amount) : pi.amount_received - refunded
      if (amount > pi.amount_received - refunded) {
        return err(400, "invalid_request_error", `Refund amount ($${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge`, "amount_too_large")
      }
      const refund: Refund = { id: rid("re"), object: "refund", amount, currency: pi.currency, payment_intent: pi.id, status: "succeeded", created: now() }
      this.refunds.set(refund.id, refund)
      return [200, refund]
    }
    return err(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}).`)
  }
}

function err(status: number, type: string, message: string, code?: string): [number, unknown] {
  return [status, { error: { type, message, ...(code ? { code } : {}) } }]
}
