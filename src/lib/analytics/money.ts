/** Digits after the decimal point for a currency (INR/USD/EUR 2, JPY 0, KWD 3), from ICU. */
export function currencyExponent(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/**
 * A Medusa amount (BigNumber raw value string such as "1598.5", or a number) in integer minor
 * units, by decimal string arithmetic so no float rounding creeps in. Half-up on extra digits.
 */
export function toMinorUnits(amount: unknown, currency: string): number {
  if (amount === null || amount === undefined) return 0
  let text = decimalText(amount)
  if (/e/i.test(text)) text = Number(text).toFixed(12)
  const exp = currencyExponent(currency)
  const negative = text.startsWith("-")
  const [whole, frac = ""] = text.replace(/^[-+]/, "").split(".")
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(frac)) throw new Error(`not a decimal amount: "${text}"`)
  const padded = (frac + "0".repeat(exp + 1)).slice(0, exp + 1)
  let minor = BigInt((whole || "0") + padded.slice(0, exp))
  if (Number(padded[exp]) >= 5) minor += 1n
  const value = Number(negative ? -minor : minor)
  if (!Number.isSafeInteger(value)) throw new Error(`amount out of range: "${text}"`)
  return value
}

/** The exact decimal text of a number, a string, a raw `{ value }` or a Medusa BigNumber (`raw.value`). */
export function decimalText(amount: unknown): string {
  if (typeof amount === "number") return amount.toString()
  if (typeof amount === "string") return amount.trim()
  if (amount && typeof amount === "object") {
    const o = amount as { raw?: { value?: unknown }; value?: unknown }
    if (o.raw && o.raw.value !== undefined) return String(o.raw.value)
    if (o.value !== undefined) return String(o.value)
    const text = String(amount)
    if (text !== "[object Object]") return text
  }
  throw new Error(`not an amount: ${JSON.stringify(amount)}`)
}
