import { Heading, Text } from "@react-email/components"
import { formatMoney } from "@indus/money"
import { Layout, styles } from "../components/layout"
import { defineTemplate, type Money } from "../types"

export type PaymentCapturedData = { display_id: number | string; currency_code: string; amount: Money; order_total: Money }

export default defineTemplate<PaymentCapturedData>({
  subject: (d, shop) => `${shop.name}: payment received for order #${d.display_id}`,
  Body: ({ data: d, shop }) => (
    <Layout shop={shop} preview={`We received ${formatMoney(d.amount, d.currency_code)}`}>
      <Heading style={styles.h1}>Payment received</Heading>
      <Text style={styles.text}>
        We received your payment of <strong>{formatMoney(d.amount, d.currency_code)}</strong> for order #{d.display_id}
        {" "}(order total {formatMoney(d.order_total, d.currency_code)}). Thank you!
      </Text>
    </Layout>
  ),
})
