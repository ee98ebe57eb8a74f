import { MathBN } from "@medusajs/framework/utils"
import { amountText } from "./amount"
import type { AddressData, OrderSummary } from "./template-data"

/** What an order e-mail reads with `query.graph({ entity: "order" })`. */
export const ORDER_EMAIL_FIELDS = [
  "id",
  "display_id",
  "email",
  "customer_id",
  "currency_code",
  "no_notification",
  "customer.first_name",
  "items.title",
  "items.variant_title",
  "items.quantity",
  "items.unit_price",
  "items.is_tax_inclusive",
  "items.metadata",
  "shipping_methods.name",
  "shipping_methods.is_tax_inclusive",
  "shipping_total",
  "shipping_subtotal",
  "discount_total",
  "discount_subtotal",
  "tax_total",
  "total",
  "shipping_address.first_name",
  "shipping_address.last_name",
  "shipping_address.company",
  "shipping_address.address_1",
  "shipping_address.address_2",
  "shipping_address.city",
  "shipping_address.province",
  "shipping_address.postal_code",
  "shipping_address.country_code",
  "shipping_address.phone",
]

type Amount = Parameters<typeof amountText>[0]
type OrderLike = {
  id: string
  display_id: number | string
  currency_code: string
  items?: ({ title: string; variant_title?: string | null; quantity: Amount; unit_price: Amount; is_tax_inclusive?: boolean | null } | null)[] | null
  shipping_methods?: ({ name?: string | null; is_tax_inclusive?: boolean | null } | null)[] | null
  shipping_total?: Amount
  shipping_subtotal?: Amount
  discount_total?: Amount
  discount_subtotal?: Amount
  tax_total?: Amount
  total?: Amount
  shipping_address?: Record<string, string | null | undefined> | null
}

const dec = amountText

/**
 * The order as its e-mails show it, every amount an exact decimal string. Lines are unit price ×
 * quantity at shelf price; for tax-inclusive orders (India, EU) shipping and discount are with tax
 * and the tax is "included", otherwise they are before tax and the tax is added. Either way the rows
 * add up to Medusa's total.
 */
export function toOrderSummary(order: OrderLike): OrderSummary {
  const items = (order.items ?? []).filter((i): i is NonNullable<typeof i> => !!i)
  const taxInclusive = items.length ? !!items[0].is_tax_inclusive : !!order.shipping_methods?.[0]?.is_tax_inclusive
  const lines = items.map((i) => {
    const total = MathBN.mult(MathBN.convert(dec(i.unit_price)), MathBN.convert(dec(i.quantity)))
    return {
      title: i.title,
      ...(i.variant_title ? { variant_title: i.variant_title } : {}),
      quantity: Number(dec(i.quantity)),
      unit_price: dec(i.unit_price),
      total: total.toFixed(),
    }
  })
  const subtotal = lines.reduce((sum, l) => MathBN.add(sum, l.total), MathBN.convert(0))
  return {
    id: order.id,
    display_id: order.display_id,
    currency_code: order.currency_code,
    items: lines,
    subtotal: subtotal.toFixed(),
    shipping_total: dec(taxInclusive ? order.shipping_total : order.shipping_subtotal ?? order.shipping_total),
    discount_total: dec(taxInclusive ? order.discount_total : order.discount_subtotal ?? order.discount_total),
    tax_total: dec(order.tax_total),
    tax_inclusive: taxInclusive,
    total: dec(order.total),
    shipping_address: toAddress(order.shipping_address),
    ...(order.shipping_methods?.[0]?.name ? { shipping_method: order.shipping_methods[0].name } : {}),
  }
}

function toAddress(a: OrderLike["shipping_address"]): AddressData | undefined {
  if (!a) return undefined
  const name = [a.first_name, a.last_name].filter(Boolean).join(" ")
  const out: AddressData = {}
  if (name) out.name = name
  for (const k of ["company", "address_1", "address_2", "city", "province", "postal_code", "country_code", "phone"] as const) {
    if (a[k]) out[k] = a[k] as string
  }
  return out
}
