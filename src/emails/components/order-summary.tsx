import { Column, Row, Section, Text } from "@react-email/components"
import { formatMoney } from "@indus/money"
import type { AddressData, Money, OrderSummary } from "../types"
import { styles } from "./layout"

const cell = { ...styles.text, margin: "0 0 6px" }
const right = { ...cell, textAlign: "right" as const }

function TotalRow({ label, amount, currency, strong }: { label: string; amount: Money; currency: string; strong?: boolean }) {
  const style = strong ? { fontWeight: "bold" as const } : {}
  return (
    <Row>
      <Column style={{ ...cell, ...style }}>{label}</Column>
      <Column style={{ ...right, ...style }}>{formatMoney(amount, currency)}</Column>
    </Row>
  )
}

const isZero = (m: Money) => /^-?0*(\.0*)?$/.test(m)

/**
 * Items with quantity and price, then subtotal, shipping, discount, taxes and total, in the order's
 * currency. Tax-inclusive orders (India, EU) show the tax as included in the total instead of added.
 */
export function OrderLines({ order }: { order: OrderSummary }) {
  const c = order.currency_code
  return (
    <Section style={{ margin: "16px 0" }}>
      {order.items.map((item, i) => (
        <Row key={i}>
          <Column style={cell}>
            {item.quantity} × {item.title}
            {item.variant_title ? ` (${item.variant_title})` : ""} @ {formatMoney(item.unit_price, c)}
          </Column>
          <Column style={right}>{formatMoney(item.total, c)}</Column>
        </Row>
      ))}
      <Row><Column><hr style={{ border: "none", borderTop: "1px solid #e5e7eb" }} /></Column></Row>
      <TotalRow label="Subtotal" amount={order.subtotal} currency={c} />
      <TotalRow label={order.shipping_method ? `Shipping (${order.shipping_method})` : "Shipping"} amount={order.shipping_total} currency={c} />
      {isZero(order.discount_total) ? null : <TotalRow label="Discount" amount={`-${order.discount_total}`} currency={c} />}
      {order.tax_inclusive ? null : <TotalRow label="Taxes" amount={order.tax_total} currency={c} />}
      <TotalRow label="Total" amount={order.total} currency={c} strong />
      {order.tax_inclusive ? <TotalRow label="Includes taxes of" amount={order.tax_total} currency={c} /> : null}
    </Section>
  )
}

export function Address({ title, address }: { title: string; address?: AddressData }) {
  if (!address) return null
  const lines = [
    address.name,
    address.company,
    address.address_1,
    address.address_2,
    [address.city, address.province, address.postal_code].filter(Boolean).join(", "),
    address.country_code?.toUpperCase(),
    address.phone,
  ].filter(Boolean)
  return (
    <Section style={{ margin: "16px 0" }}>
      <Text style={{ ...styles.text, fontWeight: "bold", margin: "0 0 4px" }}>{title}</Text>
      {lines.map((l, i) => (
        <Text key={i} style={{ ...styles.text, margin: 0 }}>{l}</Text>
      ))}
    </Section>
  )
}
