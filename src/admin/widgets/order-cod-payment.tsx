import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { formatMoney } from "@indus/money"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import Medusa from "@medusajs/js-sdk"
import { Button, Container, Heading, Label, StatusBadge, Text, Textarea } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"

type Decision = { id: string; method: string; action: string; actor_id: string; source: string; reason: string | null; created_at: string }
type State = { order_status: string; cod: null | { amount: string; captured: boolean; canceled: boolean }; decisions: Decision[] }

const sdk = new Medusa({ baseUrl: "/", auth: { type: "session" } })

/** Cash on delivery on the order page: mark delivered (captures the cash) or returned to origin (cancels). */
const OrderCodPayment = ({ data: order }: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const [state, setState] = useState<State | null>(null)
  const [reason, setReason] = useState("")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(() => {
    sdk.client.fetch<State>(`/admin/orders/${order.id}/offline-payment`).then(setState).catch((e: Error) => setError(e.message))
  }, [order.id])
  useEffect(load, [load])

  const act = async (action: "delivered" | "rto") => {
    setBusy(true)
    setError(null)
    try {
      await sdk.client.fetch(`/admin/cod/orders/${order.id}/${action}`, { method: "POST", body: action === "rto" ? { reason: reason.trim() } : {} })
      window.location.reload()
    } catch (e) {
      setError((e as Error).message)
      setBusy(false)
    }
  }

  if (!state?.cod) return null
  const { cod } = state
  const open = !cod.captured && !cod.canceled && state.order_status !== "canceled"
  const badge = cod.captured ? { label: "Cash collected", color: "green" as const } : open ? { label: "To collect", color: "orange" as const } : { label: "Returned / canceled", color: "red" as const }

  return (
    <Container className="divide-y p-0" data-testid="cod-payment-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Cash on delivery</Heading>
        <StatusBadge color={badge.color} data-testid="cod-status">{badge.label}</StatusBadge>
      </div>
      <Text size="small" className="px-6 py-4">Amount to collect: {formatMoney(cod.amount, "inr")}</Text>
      {open && (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Button size="small" variant="primary" disabled={busy} onClick={() => act("delivered")} data-testid="cod-delivered">
            Mark delivered (cash collected)
          </Button>
          <Label htmlFor="cod-reason" size="small">Return to origin: reason (cancels the order)</Label>
          <Textarea id="cod-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          <Button size="small" variant="danger" disabled={busy || reason.trim().length < 3} onClick={() => act("rto")}>
            Mark returned to origin
          </Button>
        </div>
      )}
      {error && <Text size="small" className="px-6 py-3 text-ui-fg-error">{error}</Text>}
      {state.decisions.map((d) => (
        <Text key={d.id} size="xsmall" className="px-6 py-2 text-ui-fg-subtle" data-testid="cod-decision">
          {d.action} by {d.actor_id} ({d.source}) · {new Date(d.created_at).toLocaleString()}
          {d.reason ? ` · ${d.reason}` : ""}
        </Text>
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.before" })

export default OrderCodPayment
