import { Heading, Link, Text } from "@react-email/components"
import { Layout, styles } from "../components/layout"
import { Address } from "../components/order-summary"
import { defineTemplate, type AddressData } from "../types"

export type ShipmentCreatedData = {
  display_id: number | string
  items: { title: string; quantity: number }[]
  tracking: { number?: string; url?: string }[]
  shipping_address?: AddressData
}

export default defineTemplate<ShipmentCreatedData>({
  subject: (d, shop) => `${shop.name}: order #${d.display_id} has shipped`,
  Body: ({ data: d, shop }) => (
    <Layout shop={shop} preview={`Order #${d.display_id} is on its way`}>
      <Heading style={styles.h1}>Order #{d.display_id} is on its way</Heading>
      <Text style={styles.text}>These items have shipped:</Text>
      {d.items.map((i, k) => (
        <Text key={k} style={{ ...styles.text, margin: "0 0 4px" }}>{i.quantity} × {i.title}</Text>
      ))}
      {d.tracking.map((t, k) => (
        <Text key={k} style={styles.text}>
          Tracking: {t.url ? <Link href={t.url}>{t.number || t.url}</Link> : t.number}
        </Text>
      ))}
      <Address title="Shipping to" address={d.shipping_address} />
    </Layout>
  ),
})
