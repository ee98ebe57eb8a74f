/**
 * The data each template gets from this plugin's subscribers. A shop's templates render these;
 * amounts are exact decimal strings in major units (as Medusa stores them), formatted at render time.
 */
export type Money = string

export type AddressData = {
  name?: string
  company?: string
  address_1?: string
  address_2?: string
  city?: string
  province?: string
  postal_code?: string
  country_code?: string
  phone?: string
}

export type OrderLine = { title: string; variant_title?: string; quantity: number; unit_price: Money; total: Money }

/** What an order e-mail shows: the order as placed, in its currency. */
export type OrderSummary = {
  id: string
  display_id: number | string
  currency_code: string
  items: OrderLine[]
  /** items at their shelf prices (Σ unit price × quantity); with tax_inclusive these include tax */
  subtotal: Money
  shipping_total: Money
  discount_total: Money
  tax_total: Money
  /** prices include tax (India's GST, EU VAT): taxes are shown as "included", not added */
  tax_inclusive?: boolean
  total: Money
  shipping_address?: AddressData
  shipping_method?: string
}

type Items = { title: string; quantity: number }[]

export type EmailTemplateData = {
  "order-placed": { order: OrderSummary; customer_name?: string }
  "upi-instructions": { order: OrderSummary; upi: { uri: string; amount: Money; expires_at?: string } }
  "cod-confirmation": { order: OrderSummary; cod_fee: Money }
  "payment-captured": { display_id: number | string; currency_code: string; amount: Money; order_total: Money }
  "payment-refunded": { display_id: number | string; currency_code: string; amount: Money; note?: string }
  "order-canceled": { display_id: number | string; currency_code: string; total: Money }
  "shipment-created": { display_id: number | string; items: Items; tracking: { number?: string; url?: string }[]; shipping_address?: AddressData }
  "delivery-created": { display_id: number | string; items: Items }
  "customer-welcome": { first_name?: string }
  "password-reset": { actor_type: "customer" | "user"; email: string; token: string }
  "staff-invite": { token: string; expires_at?: string }
}

export type EmailTemplateName = keyof EmailTemplateData
