import { currencyExponent } from "./currency"
import { decimalText, type AmountInput } from "./decimal-text"

/**
 * - `half-up`: a dropped digit of 5 or more rounds away from zero (1.005 -> 1.01, -1.005 -> -1.01),
 *   as payment gateways and Medusa's own providers do.
 * - `exact`: refuse an amount with more digits than the currency has (a fraction of a paisa).
 */
export type Rounding = "half-up" | "exact"

/**
 * A Medusa amount in major units ("1598.5" INR) as integer minor units (159850 paise), by decimal
 * arithmetic on the text so no binary float ever touches it. Throws beyond Number's safe range.
 * `exponent` overrides the currency's digits where a gateway counts differently from CLDR
 * (Razorpay takes HUF and IDR with 2 decimals, CLDR shows them with none).
 */
export function toMinor(
  amount: AmountInput,
  currency: string,
  rounding: Rounding = "half-up",
  exponent: number = currencyExponent(currency)
): number {
  const text = decimalText(amount)
  const negative = text.startsWith("-")
  const [whole, fraction = ""] = text.replace(/^-/, "").split(".")
  const kept = fraction.slice(0, exponent).padEnd(exponent, "0")
  const dropped = fraction.slice(exponent)
  if (rounding === "exact" && /[1-9]/.test(dropped)) {
    throw new RangeError(`${text} ${currency.toUpperCase()} has more than ${exponent} decimal places`)
  }
  let minor = BigInt((whole || "0") + kept)
  if (dropped && dropped[0] >= "5") minor += 1n
  const value = Number(negative ? -minor : minor)
  if (!Number.isSafeInteger(value)) throw new RangeError(`amount out of range: ${text}`)
  return value === 0 ? 0 : value
}

/** Integer minor units (159850) as Medusa's exact decimal text in major units ("1598.50"). */
export function fromMinor(minor: number | bigint, currency: string, exponent: number = currencyExponent(currency)): string {
  if (typeof minor === "number" && !Number.isSafeInteger(minor)) throw new RangeError(`not a whole number of minor units: ${minor}`)
  const value = BigInt(minor)
  const negative = value < 0n
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, "0")
  const text = exponent ? `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}` : digits
  return negative ? `-${text}` : text
}
