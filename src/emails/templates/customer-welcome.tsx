import { Button, Heading, Text } from "@react-email/components"
import { Layout, styles } from "../components/layout"
import { defineTemplate } from "../types"

export type CustomerWelcomeData = { first_name?: string }

export default defineTemplate<CustomerWelcomeData>({
  subject: (_d, shop) => `Welcome to ${shop.name}`,
  Body: ({ data: d, shop }) => (
    <Layout shop={shop} preview={`Welcome to ${shop.name}`}>
      <Heading style={styles.h1}>Welcome{d.first_name ? `, ${d.first_name}` : ""}!</Heading>
      <Text style={styles.text}>Your {shop.name} account is ready. Sign in to follow your orders and check out faster.</Text>
      <Button href={`${shop.storefrontUrl}/account`} style={styles.button}>Go to your account</Button>
    </Layout>
  ),
})
