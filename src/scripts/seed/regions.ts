/** Regions, taxes and shipping of the demo shop. Shipping prices are integer minor units. */
type TaxRate = { name: string; code: string; rate: number }
type RegionDef = {
  key: "in" | "us" | "eu"
  name: string
  currency_code: string
  countries: string[]
  /** Prices shown to shoppers include tax (MRP in India, VAT in Europe). */
  tax_inclusive: boolean
  tax: Record<string, (TaxRate & { reduced?: (TaxRate & { product_types: string[] })[] }) | null>
  /**
   * Payment providers offered in the region, in order. A provider is enabled only when it is
   * registered (its keys are configured); add new ones (UPI direct, COD, …) here.
   */
  payment_providers: string[]
}

/** Medusa's manual provider: always registered, kept in every region (no gateway needed). */
export const MANUAL_PAYMENT = "pp_system_default"

export const REGIONS: RegionDef[] = [
  {
    key: "in",
    name: "India",
    currency_code: "inr",
    countries: ["in"],
    tax_inclusive: true,
    payment_providers: ["pp_razorpay_razorpay", MANUAL_PAYMENT],
    tax: {
      // GST: 18% standard (also on shipping); apparel and textiles at the 5% slab.
      default: {
        name: "GST 18%",
        code: "GST18",
        rate: 18,
        reduced: [{ name: "GST 5% (apparel and textiles)", code: "GST5", rate: 5, product_types: ["Apparel", "Accessories"] }],
      },
    },
  },
  {
    key: "us",
    name: "United States",
    currency_code: "usd",
    countries: ["us"],
    tax_inclusive: false,
    payment_providers: ["pp_stripe_stripe", MANUAL_PAYMENT],
    // Sales tax depends on the state; the demo collects none.
    tax: { default: null },
  },
  {
    key: "eu",
    name: "Europe",
    currency_code: "eur",
    countries: ["de", "fr", "nl", "it", "es", "ie", "at", "be"],
    tax_inclusive: true,
    payment_providers: ["pp_stripe_stripe", MANUAL_PAYMENT],
    tax: {
      default: null,
      de: { name: "MwSt 19%", code: "DE19", rate: 19 },
      fr: { name: "TVA 20%", code: "FR20", rate: 20 },
      nl: { name: "BTW 21%", code: "NL21", rate: 21 },
      it: { name: "IVA 22%", code: "IT22", rate: 22 },
      es: { name: "IVA 21%", code: "ES21", rate: 21 },
      ie: { name: "VAT 23%", code: "IE23", rate: 23 },
      at: { name: "USt 20%", code: "AT20", rate: 20 },
      be: { name: "BTW 21%", code: "BE21", rate: 21 },
    },
  },
]

export const STOCK_LOCATION = {
  name: "Jaipur Warehouse",
  address: { address_1: "Plot 14, Sitapura Industrial Area", city: "Jaipur", province: "RJ", postal_code: "302022", country_code: "IN" },
}

type ShippingOptionDef = { name: string; label: string; description: string; code: string; price: number }

export const SHIPPING: { fulfillment_set: string; options: Record<RegionDef["key"], ShippingOptionDef[]> } = {
  fulfillment_set: "Jaipur Warehouse shipping",
  options: {
    in: [
      { name: "Standard Delivery", label: "Standard", description: "3-5 business days", code: "standard", price: 9900 },
      { name: "Express Delivery", label: "Express", description: "1-2 business days", code: "express", price: 24900 },
    ],
    us: [
      { name: "International Standard", label: "Standard", description: "7-12 business days", code: "standard", price: 1500 },
      { name: "International Express", label: "Express", description: "3-5 business days", code: "express", price: 3500 },
    ],
    eu: [
      { name: "International Standard", label: "Standard", description: "7-12 business days", code: "standard", price: 1400 },
      { name: "International Express", label: "Express", description: "3-5 business days", code: "express", price: 3200 },
    ],
  },
}
