import { decimalText, type AmountInput } from "./decimal-text"
import { fromMinor } from "./minor-units"

/**
 * The locale a currency reads best in when the reader's own is unknown: INR with Indian digit
 * grouping (₹1,23,456.00), USD as in the US, EUR as in Ireland, GBP as in the UK, others en-US.
 */
const LOCALES: Record<string, string> = { inr: "en-IN", usd: "en-US", eur: "en-IE", gbp: "en-GB" }

export function localeForCurrency(currency: string): string {
  return LOCALES[currency.toLowerCase()] ?? "en-US"
}

const formatters = new Map<string, Intl.NumberFormat>()

function formatter(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() })
    formatters.set(key, f)
  }
  return f
}

/**
 * An amount in major units, as Medusa stores it ("1898" INR -> "₹1,898.00"). Intl formats the
 * decimal text exactly (string operands, ES2023); older engines fall back to a double, which is
 * exact for any amount a shop shows.
 */
export function formatMoney(amount: AmountInput, currency: string, locale = localeForCurrency(currency)): string {
  return formatter(currency, locale).format(decimalText(amount) as unknown as number)
}

/** An amount in integer minor units (189800 paise -> "₹1,898.00"). */
export function formatMinor(minor: number | bigint, currency: string, locale = localeForCurrency(currency)): string {
  return formatMoney(fromMinor(minor, currency), currency, locale)
}
