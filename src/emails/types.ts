import type { ReactElement } from "react"
import type { EmailAttachment } from "../lib/email/types"
import type { ShopConfig } from "./shop"

/** Amounts are exact decimal strings in major units (from Medusa's BigNumber), formatted at render time. */
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

export type TemplateProps<D> = { data: D; shop: ShopConfig }

/** One message: its subject, its body, and any attachments (e.g. an inline QR image). */
export type EmailTemplate<D> = {
  subject: (data: D, shop: ShopConfig) => string
  Body: (props: TemplateProps<D>) => ReactElement
  attachments?: (data: D) => Promise<EmailAttachment[]>
}

export const defineTemplate = <D,>(t: EmailTemplate<D>) => t
