export { decimalText, type AmountInput } from "./decimal-text"
export { currencyExponent } from "./currency"
export { toMinor, fromMinor, type Rounding } from "./minor-units"
export { formatMoney, formatMinor, localeForCurrency } from "./format"
