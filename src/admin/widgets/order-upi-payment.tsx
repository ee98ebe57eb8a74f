import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { formatMoney } from "@indus/money"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import Medusa from "@medusajs/js-sdk"
import { Button, Container, Heading, Input, Label, StatusBadge, Text, Textarea } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"

type Decision = { id: string; action: string; actor_id: string; source: string; reason: string | null; utr: string | null; created_at: string }
type UpiState = {
  order_status: string
  upi: null | {
    reference: string
    amount: string
    expires_at: string
    utr: string | null
    transfer_status: "awaiting_utr" | "submitted" | "approved" | "rejected" | "expired"
    submitted_at: string | null
  }
  decisions: Decision[]
}

const sdk = new Medusa({ baseUrl: "/", auth: { type: "session" } })

const BADGE: Record<string, { label: string; color: "grey" | "orange" | "green" | "red" }> = {
  awaiting_utr: { label: "Awaiting UTR", color: "grey" },
  submitted: { label: "UTR to verify", color: "orange" },
  approved: { label: "Paid", color: "green" },
  rejected: { label: "Rejected", color: "red" },
  expired: { label: "Expired", color: "red" },
}

/**
 * UPI direct on the order page: the UTR the shopper reported and the amount due. Staff check
 * their bank account, then approve with the amount received (it must match) or reject with a reason.
 */
const OrderUpiPayment = ({ data: order }: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const [state, setState] = useState<UpiState | null>(null)
  const [amount, setAmount] = useState("")
  const [reason, setReason] = useState("")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(() => {
    sdk.client
      .fetch<UpiState>(`/admin/orders/${order.id}/offline-payment`)
      .then(setState)
      .catch((e: Error) => setError(e.message))
  }, [order.id])
  useEffect(load, [load])

  const decide = async (action: "approve" | "reject") => {
    setBusy(true)
    setError(null)
    try {
      const body = action === "approve" ? { amount: amount.trim() } : { reason: reason.trim() }
      await sdk.client.fetch(`/admin/upi/orders/${order.id}/${action}`, { method: "POST", body })
      // The order's own payment section reads Medusa's data: reload so it shows the new state.
      window.location.reload()
    } catch (e) {
      setError((e as Error).message)
      setBusy(false)
    }
  }

  if (!state?.upi) return null
  const upi = state.upi
  const badge = BADGE[upi.transfer_status] ?? BADGE.awaiting_utr
  const open = (upi.transfer_status === "submitted" || upi.transfer_status === "awaiting_utr") && state.order_status !== "canceled"

  return (
    <Container className="divide-y p-0" data-testid="upi-payment-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">UPI payment</Heading>
        <StatusBadge color={badge.color} data-testid="upi-status">{badge.label}</StatusBadge>
      </div>
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Text size="small">Amount due: {formatMoney(upi.amount, "inr")}</Text>
        <Text size="small">Reference (tr): {upi.reference}</Text>
        <Text size="small" data-testid="upi-utr">UTR: {upi.utr ?? "not submitted yet"}</Text>
      </div>
      {open && upi.transfer_status === "submitted" && (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Label htmlFor="upi-amount" size="small">Amount received (₹)</Label>
          <Input id="upi-amount" data-testid="upi-amount" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder={upi.amount} />
          <Button size="small" variant="primary" disabled={busy || !amount.trim()} onClick={() => decide("approve")} data-testid="upi-approve">
            Approve payment
          </Button>
        </div>
      )}
      {open && (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Label htmlFor="upi-reason" size="small">Reason to reject (cancels the order)</Label>
          <Textarea id="upi-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          <Button size="small" variant="danger" disabled={busy || reason.trim().length < 3} onClick={() => decide("reject")}>
            Reject and cancel order
          </Button>
        </div>
      )}
      {error && (
        <Text size="small" className="px-6 py-3 text-ui-fg-error" data-testid="upi-error">
          {error}
        </Text>
      )}
      {state.decisions.map((d) => (
        <Text key={d.id} size="xsmall" className="px-6 py-2 text-ui-fg-subtle" data-testid="upi-decision">
          {d.action} by {d.actor_id} ({d.source}) · {new Date(d.created_at).toLocaleString()}
          {d.reason ? ` · ${d.reason}` : ""}
        </Text>
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.before" })

export default OrderUpiPayment
