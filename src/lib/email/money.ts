import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/**
 * Locale per currency for shop e-mails (written in English): INR with Indian digit grouping
 * (₹1,23,456.00), USD as in the US, EUR as in Ireland (€1,234.50), GBP as in the UK. Any other
 * currency uses en-US grouping with its own symbol and minor-unit digits (JPY has none).
 */
const LOCALES: Record<string, string> = { inr: "en-IN", usd: "en-US", eur: "en-IE", gbp: "en-GB" }

/** Medusa amount (BigNumber, raw `{value}`, decimal string or number) → exact decimal string, no floats. */
export function toDecimalString(amount: BigNumberInput | { value: string } | null | undefined): string {
  if (amount === null || amount === undefined) return "0"
  const value = typeof amount === "object" && "value" in amount && !("numeric" in amount) ? amount.value : amount
  return MathBN.convert(value as BigNumberInput).toFixed()
}

/**
 * Formats an amount in major units (as Medusa stores it) in its currency. Intl formats the decimal
 * string exactly (ES2023 string operands), so no binary floating point is involved.
 */
export function formatMoney(amount: BigNumberInput | { value: string } | null | undefined, currency: string): string {
  const code = currency.toLowerCase()
  const formatter = new Intl.NumberFormat(LOCALES[code] ?? "en-US", { style: "currency", currency: code.toUpperCase() })
  // Intl's typings predate string operands; the runtime (Node 20+) formats them exactly.
  return formatter.format(toDecimalString(amount) as unknown as number)
}
