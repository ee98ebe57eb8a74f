import { decimalText, type AmountInput } from "@indus/money"

/**
 * A Medusa amount as the exact decimal text e-mails carry: "1598.5", not the stored
 * "1598.500000000000000"; a missing amount is "0".
 */
export function amountText(amount: AmountInput): string {
  if (amount === null || amount === undefined) return "0"
  const text = decimalText(amount)
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text
}
