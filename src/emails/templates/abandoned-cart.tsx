import { Button, Heading, Text } from "@react-email/components"
import { Layout, styles } from "../components/layout"
import type { ShopConfig } from "../shop"
import { defineTemplate } from "../types"

export type AbandonedCartData = { cart_id: string; items: { title: string; quantity: number; thumbnail?: string | null }[] }

/** The storefront is expected to restore a cart from `?cart_id=` (documented in docs/email.md). */
export const cartUrl = (cartId: string, shop: ShopConfig) => `${shop.storefrontUrl}/cart?cart_id=${encodeURIComponent(cartId)}`

export default defineTemplate<AbandonedCartData>({
  subject: (_d, shop) => `${shop.name}: you left something in your cart`,
  Body: ({ data: d, shop }) => (
    <Layout shop={shop} preview="Your cart is waiting">
      <Heading style={styles.h1}>Your cart is waiting</Heading>
      {d.items.map((i, k) => (
        <Text key={k} style={{ ...styles.text, margin: "0 0 4px" }}>{i.quantity} × {i.title}</Text>
      ))}
      <Text style={styles.text}>Complete your order while these are in stock.</Text>
      <Button href={cartUrl(d.cart_id, shop)} style={styles.button}>Back to your cart</Button>
    </Layout>
  ),
})
