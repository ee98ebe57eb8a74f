import { MathBN, BigNumber } from "@medusajs/framework/utils"
import {
  buildReceipt,
  checkoutSignature,
  fromMinorUnits,
  parseWebhookBody,
  pickCheckoutFields,
  refundIdempotencyKey,
  signaturesMatch,
  toMinorUnits,
  verifyCheckoutSignature,
  verifyWebhookSignature,
  webhookSignature,
} from "../helpers"

describe("amount conversion", () => {
  it("turns Medusa's major-unit amounts into integer paise exactly", () => {
    expect(toMinorUnits(499.5, "inr")).toBe(49950)
    expect(toMinorUnits("19.99", "INR")).toBe(1999) // 19.99 * 100 is 1998.9999999999998 in floats
    expect(toMinorUnits(0.29, "inr")).toBe(29) // 0.29 * 100 is 28.999999999999996
    expect(toMinorUnits(new BigNumber(1234.56), "inr")).toBe(123456)
    expect(toMinorUnits(MathBN.convert("1e3"), "inr")).toBe(100000)
    expect(toMinorUnits(150, "jpy")).toBe(150)
    expect(toMinorUnits("1.234", "kwd")).toBe(1234)
  })

  it("refuses fractions of a paisa, negatives and non-numbers instead of rounding", () => {
    expect(() => toMinorUnits(10.005, "inr")).toThrow(/not a whole number of INR minor units/)
    expect(() => toMinorUnits("98.9009", "inr")).toThrow(/whole number/)
    expect(() => toMinorUnits(1.5, "jpy")).toThrow(/whole number/)
    expect(() => toMinorUnits(-1, "inr")).toThrow(/negative/)
    expect(() => toMinorUnits("abc", "inr")).toThrow()
    expect(() => toMinorUnits(1e20, "inr")).toThrow(/out of range/)
  })

  it("counts in Razorpay's digits per currency, not CLDR's display digits", () => {
    expect(toMinorUnits("1000", "huf")).toBe(100000)
    expect(toMinorUnits("1.5", "idr")).toBe(150)
    expect(fromMinorUnits(100000, "huf").numeric).toBe(1000)
  })

  it("converts paise back without float drift", () => {
    expect(fromMinorUnits(1999, "inr").numeric).toBe(19.99)
    expect(fromMinorUnits(29, "INR").numeric).toBe(0.29)
    expect(fromMinorUnits(150, "jpy").numeric).toBe(150)
    expect(() => fromMinorUnits(1.5, "inr")).toThrow()
  })
})

describe("receipt", () => {
  it("is the session id when it fits Razorpay's 40 characters, else a stable digest", () => {
    const id = "payses_01JDZ3K9X7M2Q4R5T6V7W8Y9ZA"
    expect(buildReceipt(id)).toBe(id)
    const long = "payses_" + "x".repeat(60)
    expect(buildReceipt(long)).toHaveLength(40)
    expect(buildReceipt(long)).toBe(buildReceipt(long))
    expect(buildReceipt(long)).not.toBe(buildReceipt(long + "y"))
  })
})

describe("signatures (research §8 vectors)", () => {
  it("computes and verifies the checkout signature", () => {
    const expected = "d57d070c8a441a8b72a3de9e6d338cd544913cbb44162a814d741042ba9d9643"
    expect(checkoutSignature("order_IluGWxBm9U8zJ8", "pay_29QQoUBi66xm2f", "test_key_secret")).toBe(expected)
    const input = { orderId: "order_IluGWxBm9U8zJ8", paymentId: "pay_29QQoUBi66xm2f", signature: expected }
    expect(verifyCheckoutSignature(input, "test_key_secret")).toBe(true)
    expect(verifyCheckoutSignature({ ...input, paymentId: "pay_29QQoUBi66xm2g" }, "test_key_secret")).toBe(false)
    expect(verifyCheckoutSignature(input, "other_secret")).toBe(false)
    expect(verifyCheckoutSignature({ ...input, signature: expected.toUpperCase() }, "test_key_secret")).toBe(true)
  })

  it("verifies the webhook signature over the exact raw bytes", () => {
    const raw = '{"event":"order.paid"}'
    const expected = "1bd3788d3c7f6e6a85fcb09f9c84a3e7cc87040ce1751fd9331dff21a5d4d275"
    expect(webhookSignature(raw, "whsec_test")).toBe(expected)
    expect(verifyWebhookSignature(Buffer.from(raw), expected, "whsec_test")).toBe(true)
    expect(verifyWebhookSignature('{"event": "order.paid"}', expected, "whsec_test")).toBe(false) // re-serialised
    expect(verifyWebhookSignature(raw, expected, "whsec_other")).toBe(false)
    expect(verifyWebhookSignature(raw, undefined, "whsec_test")).toBe(false)
    expect(verifyWebhookSignature(undefined, expected, "whsec_test")).toBe(false)
    expect(verifyWebhookSignature(raw, expected, "")).toBe(false)
  })

  it("treats malformed signatures as a mismatch, never an exception", () => {
    const good = webhookSignature("x", "s")
    expect(signaturesMatch(good, good.slice(0, 10))).toBe(false)
    expect(signaturesMatch(good, "zz" + good.slice(2))).toBe(false)
    expect(signaturesMatch(good, ["a"])).toBe(false)
    expect(signaturesMatch(good, "")).toBe(false)
  })
})

describe("storefront data whitelist", () => {
  const fields = {
    razorpay_order_id: "order_IluGWxBm9U8zJ8",
    razorpay_payment_id: "pay_29QQoUBi66xm2f",
    razorpay_signature: "d57d070c8a441a8b72a3de9e6d338cd544913cbb44162a814d741042ba9d9643",
  }

  it("keeps only Checkout's three fields and drops amounts, capture modes and notes", () => {
    expect(pickCheckoutFields({ ...fields, amount: 1, capture: "automatic", notes: { a: "b" }, currency: "usd" })).toEqual(fields)
  })

  it("rejects malformed values", () => {
    expect(pickCheckoutFields({ ...fields, razorpay_payment_id: "pay_1; drop" })).toBeUndefined()
    expect(pickCheckoutFields({ ...fields, razorpay_signature: "abc" })).toBeUndefined()
    expect(pickCheckoutFields({ ...fields, razorpay_order_id: 42 })).toBeUndefined()
    expect(pickCheckoutFields(null)).toBeUndefined()
  })
})

describe("refund idempotency key", () => {
  it("passes Medusa refund ids through and maps anything else to a stable valid key", () => {
    expect(refundIdempotencyKey("ref_01JDZ3K9X7M2Q4R5T6V7W8Y9ZA")).toBe("ref_01JDZ3K9X7M2Q4R5T6V7W8Y9ZA")
    const mapped = refundIdempotencyKey("short:key")!
    expect(mapped).toMatch(/^[A-Za-z0-9_-]{10,}$/)
    expect(refundIdempotencyKey("short:key")).toBe(mapped)
    expect(refundIdempotencyKey(undefined)).toBeUndefined()
  })
})

describe("webhook body", () => {
  it("extracts the entities Razorpay nests under payload.*.entity", () => {
    const hook = parseWebhookBody({ event: "order.paid", payload: { payment: { entity: { id: "pay_1" } }, order: { entity: { id: "order_1" } } } })
    expect(hook).toMatchObject({ event: "order.paid", payment: { id: "pay_1" }, order: { id: "order_1" } })
    expect(parseWebhookBody("nonsense")).toEqual({})
    expect(parseWebhookBody({ event: 5, payload: { payment: { entity: "x" } } })).toEqual({ event: undefined, payment: undefined, order: undefined, refund: undefined })
  })
})
