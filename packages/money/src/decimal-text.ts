/**
 * What Medusa hands out as an amount: a BigNumber (`raw.value`), a raw `{ value }` object, a
 * bignumber.js value (`MathBN` results, read through `toFixed()`), a decimal string, a number or
 * a bigint.
 */
export type AmountInput =
  | string
  | number
  | bigint
  | { value?: unknown; raw?: { value?: unknown } }
  | { toFixed(): string }
  | null
  | undefined

const PLAIN = /^[-+]?(\d+\.?\d*|\.\d+)$/
const EXPONENT = /^([-+]?)(\d+)(?:\.(\d*))?[eE]([-+]?\d+)$/

/** The exact decimal text of an amount ("1598.5", "-0.07"), never through a float. */
export function decimalText(amount: AmountInput): string {
  if (amount === null || amount === undefined) throw new TypeError("amount is missing")
  let text: string
  if (typeof amount === "bigint") text = amount.toString()
  else if (typeof amount === "number") {
    if (!Number.isFinite(amount)) throw new TypeError(`not an amount: ${amount}`)
    text = String(amount)
  } else if (typeof amount === "string") text = amount.trim()
  else if (typeof amount === "object") {
    const o = amount as { value?: unknown; raw?: { value?: unknown }; toFixed?: unknown }
    const inner = o.raw && o.raw.value !== undefined ? o.raw.value : o.value
    if (inner !== undefined) return decimalText(inner as AmountInput)
    if (typeof o.toFixed === "function") return decimalText(String((o as { toFixed(): string }).toFixed()))
    throw new TypeError(`not an amount: ${JSON.stringify(amount)}`)
  } else throw new TypeError(`not an amount: ${String(amount)}`)
  if (text.length > 64) throw new TypeError("amount too long")
  if (PLAIN.test(text)) return text.replace(/^\+/, "")
  const m = EXPONENT.exec(text)
  if (!m) throw new TypeError(`not a decimal amount: "${text.slice(0, 40)}"`)
  return shiftDecimal(m[1] === "-" ? "-" : "", m[2], m[3] ?? "", Number(m[4]))
}

/** "1.5e-3" -> "0.0015", by moving the point over the digits. */
function shiftDecimal(sign: string, whole: string, fraction: string, exponent: number): string {
  if (Math.abs(exponent) > 40) throw new TypeError("amount out of range")
  const digits = whole + fraction
  let point = whole.length + exponent
  let padded = digits
  if (point < 0) {
    padded = "0".repeat(-point) + digits
    point = 0
  }
  if (point > padded.length) padded = padded + "0".repeat(point - padded.length)
  const int = padded.slice(0, point).replace(/^0+(?=\d)/, "") || "0"
  const frac = padded.slice(point)
  return `${sign}${int}${frac ? `.${frac}` : ""}`
}
