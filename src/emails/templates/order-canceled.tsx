import { Heading, Text } from "@react-email/components"
import { formatMoney } from "@indus/money"
import { Layout, styles } from "../components/layout"
import { defineTemplate, type Money } from "../types"

export type OrderCanceledData = { display_id: number | string; currency_code: string; total: Money }

export default defineTemplate<OrderCanceledData>({
  subject: (d, shop) => `${shop.name}: order #${d.display_id} was cancelled`,
  Body: ({ data: d, shop }) => (
    <Layout shop={shop} preview={`Order #${d.display_id} was cancelled`}>
      <Heading style={styles.h1}>Order #{d.display_id} was cancelled</Heading>
      <Text style={styles.text}>
        Your order #{d.display_id} of {formatMoney(d.total, d.currency_code)} was cancelled. If you already paid, the money
        is refunded to your original payment method; you will get a separate e-mail when it is.
      </Text>
    </Layout>
  ),
})
