import { formatMinor } from "@indus/money"

/**
 * Cash-on-delivery rules and the pure check of a cart against them. Amounts are integer paise;
 * the caller reads the cart server-side (never from the storefront's `data`).
 */
export type CodRules = {
  minTotalPaise?: number
  maxTotalPaise?: number
  /** 6-digit Indian PIN codes where couriers do not collect cash. */
  blockedPincodes?: string[]
  /** Shipping option names (or ids) COD may be used with; empty or absent: all. */
  allowedShippingOptions?: string[]
  /** Fee added to the order as its own line, paise; 0 or absent: none. */
  feePaise?: number
}

export type CodCart = {
  currency_code: string
  /** Cart total without any COD fee line, paise. */
  totalPaise: number
  postal_code?: string | null
  shippingOptions: { id?: string | null; name?: string | null }[]
}

export type CodDecision = { eligible: true } | { eligible: false; code: string; reason: string }

const rupees = (paise: number) => formatMinor(paise, "inr")

export function checkCodEligibility(cart: CodCart, rules: CodRules): CodDecision {
  const no = (code: string, reason: string): CodDecision => ({ eligible: false, code, reason })
  if (cart.currency_code.toLowerCase() !== "inr") return no("currency", `Cash on delivery is available for INR orders only (this cart is in ${cart.currency_code.toUpperCase()})`)
  if (rules.minTotalPaise !== undefined && cart.totalPaise < rules.minTotalPaise) {
    return no("min_total", `Cash on delivery needs an order total of at least ${rupees(rules.minTotalPaise)}`)
  }
  if (rules.maxTotalPaise !== undefined && cart.totalPaise > rules.maxTotalPaise) {
    return no("max_total", `Cash on delivery is available up to an order total of ${rupees(rules.maxTotalPaise)}`)
  }
  const pin = (cart.postal_code ?? "").replace(/\s/g, "")
  if (!pin) return no("no_address", "Add a shipping address before choosing cash on delivery")
  if (rules.blockedPincodes?.includes(pin)) return no("pincode", `Cash on delivery is not available for PIN code ${pin}`)
  const allowed = rules.allowedShippingOptions ?? []
  if (!cart.shippingOptions.length) return no("no_shipping", "Choose a delivery method before choosing cash on delivery")
  if (allowed.length) {
    const refused = cart.shippingOptions.find((o) => !allowed.includes(o.name ?? "") && !allowed.includes(o.id ?? ""))
    if (refused) return no("shipping_option", `Cash on delivery is not available with ${refused.name ?? "this delivery method"}`)
  }
  return { eligible: true }
}
