import { Heading, Text } from "@react-email/components"
import { formatMoney } from "@indus/money"
import { Layout, styles } from "../components/layout"
import { Address, OrderLines } from "../components/order-summary"
import { defineTemplate, type OrderSummary } from "../types"

export type OrderPlacedData = { order: OrderSummary; customer_name?: string }

export default defineTemplate<OrderPlacedData>({
  subject: ({ order }, shop) => `${shop.name}: order #${order.display_id} confirmed`,
  Body: ({ data: { order, customer_name }, shop }) => (
    <Layout shop={shop} preview={`Order #${order.display_id}: ${formatMoney(order.total, order.currency_code)}`}>
      <Heading style={styles.h1}>Thank you for your order #{order.display_id}</Heading>
      <Text style={styles.text}>
        {customer_name ? `Hello ${customer_name}, w` : "W"}e have received your order and will let you know when it ships.
      </Text>
      <OrderLines order={order} />
      <Address title="Shipping to" address={order.shipping_address} />
    </Layout>
  ),
})
