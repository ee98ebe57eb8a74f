import { createHash, createHmac, timingSafeEqual } from "crypto"
import { BigNumber } from "@medusajs/framework/utils"
import { fromMinor, toMinor, type AmountInput } from "@indus/money"
import type { BigNumberInput } from "@medusajs/framework/types"

/** Currencies Razorpay accepts with 0 and 3 decimal places; all others have 2. */
const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"])
const THREE_DECIMAL = new Set(["bhd", "iqd", "jod", "kwd", "omr", "tnd"])

export function currencyDigits(currency: string): number {
  const c = currency.toLowerCase()
  if (ZERO_DECIMAL.has(c)) return 0
  if (THREE_DECIMAL.has(c)) return 3
  return 2
}

export class AmountError extends Error {}

/**
 * Medusa amount (major units, any BigNumber input) → Razorpay's integer minor units, in Razorpay's
 * own digits per currency. An amount that is not a whole number of paise (cents, …) is refused,
 * never rounded.
 */
export function toMinorUnits(amount: BigNumberInput, currency: string): number {
  let minor: number
  try {
    minor = toMinor(amount as AmountInput, currency, "exact", currencyDigits(currency))
  } catch (e) {
    throw new AmountError(`not a whole number of ${currency.toUpperCase()} minor units: ${(e as Error).message}`)
  }
  if (minor < 0) throw new AmountError("amount must not be negative")
  return minor
}

/** Integer minor units → Medusa amount (major units). */
export function fromMinorUnits(minor: number, currency: string): BigNumber {
  if (!Number.isSafeInteger(minor)) throw new AmountError(`${minor} is not an integer amount`)
  return new BigNumber(fromMinor(minor, currency, currencyDigits(currency)))
}

/** Razorpay `receipt` (≤ 40 chars): the session id itself, or a stable digest of a longer one. */
export function buildReceipt(sessionId: string): string {
  if (sessionId.length <= 40) return sessionId
  return `ps_${createHash("sha256").update(sessionId).digest("hex").slice(0, 37)}`
}

function hmacHex(secret: string, message: string | Buffer): string {
  return createHmac("sha256", secret).update(message).digest("hex")
}

/** Constant-time comparison of two hex signatures (false for anything malformed). */
export function signaturesMatch(expectedHex: string, givenHex: unknown): boolean {
  if (typeof givenHex !== "string" || !/^[0-9a-f]+$/i.test(givenHex)) return false
  const a = Buffer.from(expectedHex, "hex")
  const b = Buffer.from(givenHex, "hex")
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Checkout callback signature: HMAC-SHA256(order_id + "|" + payment_id, key_secret). */
export function checkoutSignature(orderId: string, paymentId: string, keySecret: string): string {
  return hmacHex(keySecret, `${orderId}|${paymentId}`)
}

export function verifyCheckoutSignature(
  input: { orderId: string; paymentId: string; signature: unknown },
  keySecret: string
): boolean {
  return signaturesMatch(checkoutSignature(input.orderId, input.paymentId, keySecret), input.signature)
}

/** Webhook signature: HMAC-SHA256 over the exact raw body bytes, hex, in `X-Razorpay-Signature`. */
export function webhookSignature(rawBody: string | Buffer, webhookSecret: string): string {
  return hmacHex(webhookSecret, rawBody)
}

export function verifyWebhookSignature(rawBody: string | Buffer | undefined, signature: unknown, webhookSecret: string): boolean {
  if (rawBody === undefined || rawBody === null || !webhookSecret) return false
  return signaturesMatch(webhookSignature(rawBody, webhookSecret), signature)
}

const PAYMENT_ID = /^pay_[A-Za-z0-9]{6,40}$/
const ORDER_ID = /^order_[A-Za-z0-9]{6,40}$/
const SIGNATURE = /^[0-9a-f]{64}$/

export type CheckoutFields = { razorpay_order_id: string; razorpay_payment_id: string; razorpay_signature: string }

/**
 * The only storefront-supplied values the provider ever reads: the three fields Razorpay
 * Checkout hands back. Anything else a client puts into session `data` (amounts, capture
 * modes, notes, …) is dropped. Returns undefined when the fields are absent or malformed.
 */
export function pickCheckoutFields(data: unknown): CheckoutFields | undefined {
  if (!data || typeof data !== "object") return undefined
  const d = data as Record<string, unknown>
  const orderId = d.razorpay_order_id
  const paymentId = d.razorpay_payment_id
  const signature = d.razorpay_signature
  if (typeof orderId !== "string" || !ORDER_ID.test(orderId)) return undefined
  if (typeof paymentId !== "string" || !PAYMENT_ID.test(paymentId)) return undefined
  if (typeof signature !== "string" || !SIGNATURE.test(signature)) return undefined
  return { razorpay_order_id: orderId, razorpay_payment_id: paymentId, razorpay_signature: signature }
}

/**
 * `X-Refund-Idempotency` needs ≥ 10 chars of [A-Za-z0-9_-]. Medusa's refund id (`ref_…`)
 * already qualifies; anything else is mapped to a stable digest so a retry sends the same key.
 */
export function refundIdempotencyKey(key: string | undefined): string | undefined {
  if (!key) return undefined
  if (/^[A-Za-z0-9_-]{10,64}$/.test(key)) return key
  return createHash("sha256").update(key).digest("hex").slice(0, 40)
}

/** Razorpay sends `notes: []` when empty; normalise to a record. */
export function notesOf(entity: { notes?: Record<string, string> | [] } | undefined): Record<string, string> {
  const n = entity?.notes
  return n && !Array.isArray(n) && typeof n === "object" ? n : {}
}

/** The parts of a Razorpay webhook body we act on. Unknown shapes give `event: undefined`. */
export type RazorpayWebhook = {
  event?: string
  payment?: import("./types").RazorpayPayment
  order?: import("./types").RazorpayOrder
  refund?: import("./types").RazorpayRefund
}

export function parseWebhookBody(body: unknown): RazorpayWebhook {
  if (!body || typeof body !== "object") return {}
  const b = body as { event?: unknown; payload?: Record<string, { entity?: unknown } | undefined> }
  const entity = (k: string) => (b.payload?.[k]?.entity && typeof b.payload[k]!.entity === "object" ? (b.payload[k]!.entity as any) : undefined)
  return {
    event: typeof b.event === "string" ? b.event : undefined,
    payment: entity("payment"),
    order: entity("order"),
    refund: entity("refund"),
  }
}

/** The raw body survives the Redis event bus as `{type: "Buffer", data: [...]}`. */
export function rawBytes(raw: unknown): Buffer | undefined {
  if (Buffer.isBuffer(raw)) return raw
  if (typeof raw === "string") return Buffer.from(raw, "utf8")
  if (raw && typeof raw === "object" && (raw as any).type === "Buffer" && Array.isArray((raw as any).data)) {
    return Buffer.from((raw as any).data)
  }
  return undefined
}
