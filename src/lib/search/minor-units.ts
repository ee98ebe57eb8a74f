/** Decimal places of a currency's minor unit (INR, USD, EUR: 2; JPY: 0). */
export function currencyDecimals(currencyCode: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currencyCode.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/**
 * Medusa's decimal amount (BigNumber raw value, e.g. "799" or "799.5") to integer minor units
 * (79900, 79950) by string arithmetic, so no float ever touches money. Rounds half up.
 */
export function toMinorUnits(amount: string | number, currencyCode: string): number {
  const decimals = currencyDecimals(currencyCode)
  const text = typeof amount === "number" ? amount.toFixed(decimals + 2) : amount.trim()
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)
  if (!match) throw new Error(`not a decimal amount: ${amount}`)
  const [, sign, whole, fraction = ""] = match
  const kept = fraction.padEnd(decimals, "0").slice(0, decimals)
  let minor = Number(whole) * 10 ** decimals + Number(kept || "0")
  if (Number(fraction[decimals] ?? "0") >= 5) minor += 1
  return sign ? -minor : minor
}
