import type { ReactNode } from "react"
import { Body, Container, Head, Hr, Html, Img, Preview, Section, Text } from "@react-email/components"
import type { ShopConfig } from "../shop"

export const styles = {
  body: { backgroundColor: "#f4f4f5", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", maxWidth: "600px", margin: "0 auto", padding: "32px", borderRadius: "6px" },
  h1: { fontSize: "22px", margin: "0 0 16px", color: "#111827" },
  text: { fontSize: "15px", lineHeight: "22px", color: "#1f2937", margin: "0 0 12px" },
  muted: { fontSize: "13px", lineHeight: "20px", color: "#6b7280", margin: "0 0 8px" },
  button: { backgroundColor: "#111827", color: "#ffffff", padding: "12px 20px", borderRadius: "4px", fontSize: "15px", textDecoration: "none" },
}

/** Header (logo or name), content, footer (address, support e-mail): the frame of every shop e-mail. */
export function Layout({ shop, preview, children }: { shop: ShopConfig; preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section style={{ marginBottom: "24px" }}>
            {shop.logoUrl ? (
              <Img src={shop.logoUrl} alt={shop.name} height="40" />
            ) : (
              <Text style={{ ...styles.h1, fontSize: "20px" }}>{shop.name}</Text>
            )}
          </Section>
          {children}
          <Hr style={{ borderColor: "#e5e7eb", margin: "24px 0 16px" }} />
          <Text style={styles.muted}>{shop.name}</Text>
          {shop.address ? <Text style={styles.muted}>{shop.address}</Text> : null}
          {shop.supportEmail ? <Text style={styles.muted}>Questions? Write to {shop.supportEmail}</Text> : null}
        </Container>
      </Body>
    </Html>
  )
}
