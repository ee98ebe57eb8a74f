import { Button, Heading, Text } from "@react-email/components"
import { Layout, styles } from "../components/layout"
import type { ShopConfig } from "../shop"
import { defineTemplate } from "../types"

/** Customers reset on the storefront, staff in the admin dashboard (its /reset-password page). */
export type PasswordResetData = { actor_type: "customer" | "user"; email: string; token: string }

export function resetUrl(d: PasswordResetData, shop: ShopConfig): string {
  const q = `token=${encodeURIComponent(d.token)}&email=${encodeURIComponent(d.email)}`
  return d.actor_type === "user" ? `${shop.adminUrl}/reset-password?${q}` : `${shop.storefrontUrl}/reset-password?${q}`
}

export default defineTemplate<PasswordResetData>({
  subject: (d, shop) => `${shop.name}: reset your ${d.actor_type === "user" ? "staff " : ""}password`,
  Body: ({ data: d, shop }) => (
    <Layout shop={shop} preview="Reset your password">
      <Heading style={styles.h1}>Reset your password</Heading>
      <Text style={styles.text}>
        Someone asked to reset the password of the {d.actor_type === "user" ? `${shop.name} admin` : shop.name} account for this
        e-mail address. The link works for a short time.
      </Text>
      <Button href={resetUrl(d, shop)} style={styles.button}>Choose a new password</Button>
      <Text style={styles.muted}>If the button does not work, open: {resetUrl(d, shop)}</Text>
      <Text style={styles.muted}>If it was not you, ignore this e-mail; your password stays as it is.</Text>
    </Layout>
  ),
})
