import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { formatMinor } from "@indus/money"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import Medusa from "@medusajs/js-sdk"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"

type Incident = {
  id: string
  provider: string
  kind: "payment_failed" | "refund_failed"
  reference: string
  amount_minor: number | null
  currency_code: string | null
  reason: string | null
  created_at: string
}

const sdk = new Medusa({ baseUrl: "/", auth: { type: "session" } })

const LABEL: Record<Incident["kind"], string> = { payment_failed: "Payment failed", refund_failed: "Refund failed" }

/** Minor units as the admin shows money (5000 INR → "₹50.00"). */
function money(minor: number | null, currency: string | null) {
  if (minor === null || !currency) return ""
  return formatMinor(minor, currency)
}

/**
 * Failed payments and failed refunds that the gateways reported for this order (Medusa itself
 * drops them), so staff can follow up with the customer or retry the refund.
 */
const OrderPaymentIncidents = ({ data: order }: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const [incidents, setIncidents] = useState<Incident[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    sdk.client
      .fetch<{ payment_incidents: Incident[] }>(`/admin/orders/${order.id}/payment-incidents`)
      .then((res) => setIncidents(res.payment_incidents))
      .catch((e: Error) => setError(e.message))
  }, [order.id])

  if (!error && incidents && incidents.length === 0) return null

  return (
    <Container className="divide-y p-0" data-testid="payment-incidents-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Payment problems</Heading>
        {incidents && <StatusBadge color="red">{incidents.length}</StatusBadge>}
      </div>
      {error && (
        <Text size="small" className="px-6 py-4 text-ui-fg-error">
          Could not load payment problems: {error}
        </Text>
      )}
      {!incidents && !error && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          Loading…
        </Text>
      )}
      {incidents?.map((i) => (
        <div key={i.id} className="flex flex-col gap-y-1 px-6 py-3" data-testid="payment-incident">
          <div className="flex items-center justify-between">
            <Text size="small" weight="plus">
              {LABEL[i.kind] ?? i.kind}
            </Text>
            <Text size="small">{money(i.amount_minor, i.currency_code)}</Text>
          </div>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {i.provider} · {i.reference}
            {i.reason ? ` · ${i.reason}` : ""} · {new Date(i.created_at).toLocaleString()}
          </Text>
        </div>
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side" })

export default OrderPaymentIncidents
