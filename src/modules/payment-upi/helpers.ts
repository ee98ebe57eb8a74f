import { fromMinor, toMinor, type AmountInput } from "@indus/money"
import type { BigNumberInput } from "@medusajs/framework/types"

/** UTR / RRN of an IMPS or UPI transfer: exactly 12 digits. */
export const UTR_PATTERN = /^\d{12}$/
export const isUtr = (s: unknown): s is string => typeof s === "string" && UTR_PATTERN.test(s)

/** Virtual payment address: handle@psp (NPCI: alphanumerics, dot, hyphen, underscore before the @). */
export const isVpa = (s: unknown): s is string =>
  typeof s === "string" && /^[a-zA-Z0-9._-]{2,256}@[a-zA-Z][a-zA-Z0-9]{1,64}$/.test(s)

export class AmountError extends Error {}

/** Medusa amount (major units, BigNumber) → integer paise; refuses fractions of a paisa. */
export function toPaise(amount: BigNumberInput): number {
  let paise: number
  try {
    paise = toMinor(amount as AmountInput, "inr", "exact")
  } catch (e) {
    throw new AmountError(`amount is not a whole number of paise: ${(e as Error).message}`)
  }
  if (paise < 0) throw new AmountError(`amount must not be negative: ${paise} paise`)
  return paise
}

/** Integer paise → the `am` value of a UPI intent: rupees with exactly two decimals ("499.00"). */
export function paiseToRupees(paise: number): string {
  if (!Number.isSafeInteger(paise) || paise < 0) throw new AmountError(`bad paise ${paise}`)
  return fromMinor(paise, "inr")
}

/** Rupee text ("499", "499.5", "499.50", "1,499.50") → integer paise, or null when it is not a rupee amount. */
export function rupeesToPaise(text: unknown): number | null {
  const s = typeof text === "number" ? String(text) : typeof text === "string" ? text.trim().replace(/,/g, "") : ""
  if (!/^\d{1,12}(?:\.\d{1,2})?$/.test(s)) return null
  return toMinor(s, "inr", "exact")
}

/** `tr`: alphanumeric only (NPCI rejects special characters in transaction ids), at most 35 characters. */
export function upiReference(sessionId: string): string {
  const ref = sessionId.replace(/[^A-Za-z0-9]/g, "").slice(-35)
  if (!ref) throw new Error("empty payment reference")
  return ref
}

export type UpiIntent = { vpa: string; payeeName: string; paise: number; reference: string; note: string }

/** `upi://pay?...` per the NPCI linking specification, every value URL-encoded. */
export function buildUpiUri(i: UpiIntent): string {
  const params: [string, string][] = [
    ["pa", i.vpa],
    ["pn", i.payeeName],
    ["am", paiseToRupees(i.paise)],
    ["cu", "INR"],
    ["tr", i.reference],
    ["tn", i.note.replace(/[^\x20-\x7e]/g, "").slice(0, 50)],
  ]
  return `upi://pay?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&")}`
}
