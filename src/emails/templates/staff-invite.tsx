import { Button, Heading, Text } from "@react-email/components"
import { Layout, styles } from "../components/layout"
import { defineTemplate } from "../types"

export type StaffInviteData = { token: string; expires_at?: string }

export const inviteUrl = (token: string, adminUrl: string) => `${adminUrl}/invite?token=${encodeURIComponent(token)}`

export default defineTemplate<StaffInviteData>({
  subject: (_d, shop) => `You are invited to the ${shop.name} admin`,
  Body: ({ data: d, shop }) => (
    <Layout shop={shop} preview={`Join the ${shop.name} team`}>
      <Heading style={styles.h1}>Join the {shop.name} team</Heading>
      <Text style={styles.text}>You were invited to manage {shop.name}. Accept the invitation to create your staff account.</Text>
      <Button href={inviteUrl(d.token, shop.adminUrl)} style={styles.button}>Accept the invitation</Button>
      <Text style={styles.muted}>If the button does not work, open: {inviteUrl(d.token, shop.adminUrl)}</Text>
      {d.expires_at ? <Text style={styles.muted}>The invitation expires on {new Date(d.expires_at).toUTCString()}.</Text> : null}
    </Layout>
  ),
})
