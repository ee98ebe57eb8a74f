import { Heading, Text } from "@react-email/components"
import { formatMoney } from "@indus/money"
import { Layout, styles } from "../components/layout"
import { defineTemplate, type Money } from "../types"

export type PaymentRefundedData = { display_id: number | string; currency_code: string; amount: Money; note?: string }

export default defineTemplate<PaymentRefundedData>({
  subject: (d, shop) => `${shop.name}: refund of ${formatMoney(d.amount, d.currency_code)} for order #${d.display_id}`,
  Body: ({ data: d, shop }) => (
    <Layout shop={shop} preview={`Refund of ${formatMoney(d.amount, d.currency_code)}`}>
      <Heading style={styles.h1}>Your refund is on its way</Heading>
      <Text style={styles.text}>
        We refunded <strong>{formatMoney(d.amount, d.currency_code)}</strong> for order #{d.display_id} to your original
        payment method. Banks usually take 5–7 working days to show it.
      </Text>
      {d.note ? <Text style={styles.muted}>Reason: {d.note}</Text> : null}
    </Layout>
  ),
})
