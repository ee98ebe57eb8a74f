import { Badge } from "@medusajs/ui"
import type { EmailStatus } from "./types"

const LOOK: Record<EmailStatus, { color: "green" | "blue" | "red"; label: string }> = {
  sent: { color: "green", label: "Sent" },
  outbox: { color: "blue", label: "In outbox" },
  failed: { color: "red", label: "Failed" },
}

export const EmailStatusBadge = ({ status }: { status: EmailStatus }) => (
  <Badge size="2xsmall" color={LOOK[status].color} data-testid="email-status">
    {LOOK[status].label}
  </Badge>
)
