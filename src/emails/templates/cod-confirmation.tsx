import { Heading, Text } from "@react-email/components"
import { formatMoney } from "@indus/money"
import { Layout, styles } from "../components/layout"
import { Address, OrderLines } from "../components/order-summary"
import { defineTemplate, type Money, type OrderSummary } from "../types"

export type CodConfirmationData = { order: OrderSummary; cod_fee: Money }

/** The order confirmation for a cash-on-delivery order: the amount to have ready and the COD fee in it. */
export default defineTemplate<CodConfirmationData>({
  subject: ({ order }, shop) => `${shop.name}: order #${order.display_id} confirmed (cash on delivery)`,
  Body: ({ data: { order, cod_fee }, shop }) => (
    <Layout shop={shop} preview={`Pay ${formatMoney(order.total, order.currency_code)} in cash on delivery`}>
      <Heading style={styles.h1}>Order #{order.display_id} confirmed</Heading>
      <Text style={styles.text}>
        You chose cash on delivery. Please have <strong>{formatMoney(order.total, order.currency_code)}</strong> ready when
        your parcel arrives; this includes the cash-on-delivery fee of {formatMoney(cod_fee, order.currency_code)}.
      </Text>
      <OrderLines order={order} />
      <Address title="Shipping to" address={order.shipping_address} />
    </Layout>
  ),
})
