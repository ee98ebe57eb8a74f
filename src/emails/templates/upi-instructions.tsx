import QRCode from "qrcode"
import { Heading, Img, Link, Section, Text } from "@react-email/components"
import { formatMoney } from "@indus/money"
import { Layout, styles } from "../components/layout"
import { Address, OrderLines } from "../components/order-summary"
import { defineTemplate, type Money, type OrderSummary } from "../types"

export type UpiInstructionsData = {
  order: OrderSummary
  upi: { uri: string; amount: Money; expires_at?: string }
}

const QR_CID = "upi-qr"

/**
 * The order confirmation for a UPI-direct order, with how to pay: the `upi://pay` intent link
 * (opens a UPI app on a phone) and the same intent as an inline QR image (for paying from another
 * phone). The QR is drawn from the intent in the data, so image and link always agree.
 */
export default defineTemplate<UpiInstructionsData>({
  subject: ({ order, upi }, shop) => `${shop.name}: pay ${formatMoney(upi.amount, "inr")} by UPI for order #${order.display_id}`,
  Body: ({ data: { order, upi }, shop }) => (
    <Layout shop={shop} preview={`Pay ${formatMoney(upi.amount, "inr")} by UPI to complete order #${order.display_id}`}>
      <Heading style={styles.h1}>Order #{order.display_id}: pay by UPI</Heading>
      <Text style={styles.text}>
        Your order is reserved. Pay <strong>{formatMoney(upi.amount, "inr")}</strong> from any UPI app by scanning this code,
        or open the payment link on your phone. We ship once the payment reaches us.
      </Text>
      <Section style={{ textAlign: "center", margin: "16px 0" }}>
        <Img src={`cid:${QR_CID}`} alt="UPI payment QR code" width="240" height="240" style={{ margin: "0 auto" }} />
        <Text style={styles.text}>
          <Link href={upi.uri} style={styles.button}>Pay {formatMoney(upi.amount, "inr")} with a UPI app</Link>
        </Text>
      </Section>
      <Text style={styles.muted}>Payment link: {upi.uri}</Text>
      {upi.expires_at ? (
        <Text style={styles.muted}>Please pay before {new Date(upi.expires_at).toUTCString()}; unpaid orders are cancelled after that.</Text>
      ) : null}
      <Text style={styles.muted}>After paying, enter the 12-digit UTR from your UPI app on the order page so we can match your payment sooner.</Text>
      <OrderLines order={order} />
      <Address title="Shipping to" address={order.shipping_address} />
    </Layout>
  ),
  attachments: async ({ upi }) => {
    const png = await QRCode.toBuffer(upi.uri, { errorCorrectionLevel: "M", margin: 2, width: 320 })
    return [{ filename: "upi-qr.png", content: png.toString("base64"), content_type: "image/png", disposition: "inline", id: QR_CID }]
  },
})
