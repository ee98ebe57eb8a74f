import { Heading, Text } from "@react-email/components"
import { Layout, styles } from "../components/layout"
import { defineTemplate } from "../types"

export type DeliveryCreatedData = { display_id: number | string; items: { title: string; quantity: number }[] }

export default defineTemplate<DeliveryCreatedData>({
  subject: (d, shop) => `${shop.name}: order #${d.display_id} was delivered`,
  Body: ({ data: d, shop }) => (
    <Layout shop={shop} preview={`Order #${d.display_id} was delivered`}>
      <Heading style={styles.h1}>Order #{d.display_id} was delivered</Heading>
      <Text style={styles.text}>These items were delivered:</Text>
      {d.items.map((i, k) => (
        <Text key={k} style={{ ...styles.text, margin: "0 0 4px" }}>{i.quantity} × {i.title}</Text>
      ))}
      <Text style={styles.text}>We hope you enjoy them. If anything is wrong, reply to this e-mail.</Text>
    </Layout>
  ),
})
