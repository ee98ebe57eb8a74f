const cache = new Map<string, number>()

/** Digits after the decimal point of a currency's minor unit (INR, USD, EUR 2; JPY 0; KWD 3), from ICU. */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase()
  let digits = cache.get(code)
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2
    } catch {
      digits = 2
    }
    cache.set(code, digits)
  }
  return digits
}
