import type { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { cancelOrderWorkflow, capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { formatMinor } from "@indus/money"
import { paiseToRupees, rupeesToPaise, toPaise } from "../../../modules/payment-upi/helpers"
import { COD_PROVIDER_ID } from "../providers-config"
import { parseCsv } from "./csv"
import { fail } from "./errors"
import { findOrder, offlinePayments, orderWithPayments, paymentsOf, withOrderLock, type OrderPayments } from "./orders"


function codPaymentOf(order: OrderPayments) {
  const payment = paymentsOf(order, COD_PROVIDER_ID)[0]
  if (!payment) throw fail("INVALID_DATA", `Order ${order.display_id} is not a cash-on-delivery order`)
  return payment
}

/** Courier delivered and collected the cash: the COD payment is captured. */
export async function markCodDelivered(container: MedusaContainer, orderId: string, staffId: string, reason?: string) {
  return withOrderLock(container, orderId, async () => {
    const order = await orderWithPayments(container, orderId)
    const payment = codPaymentOf(order)
    if (payment.captured_at) throw fail("CONFLICT", `Order ${order.display_id} is already marked delivered and paid`)
    if (order.status === "canceled" || payment.canceled_at) throw fail("NOT_ALLOWED", `Order ${order.display_id} is canceled`)
    await capturePaymentWorkflow(container).run({ input: { payment_id: payment.id, captured_by: staffId } })
    await offlinePayments(container).createPaymentDecisions({
      order_id: order.id, method: "cod", action: "delivered", actor_id: staffId, source: "staff", reason: reason ?? null, amount_paise: toPaise(payment.amount as number),
    })
    return { order_id: order.id, status: "delivered" as const }
  })
}

/** Return to origin: the shopper did not take the parcel; the order is canceled and its stock released. */
export async function markCodRto(container: MedusaContainer, orderId: string, staffId: string, reason: string) {
  return withOrderLock(container, orderId, async () => {
    const order = await orderWithPayments(container, orderId)
    const payment = codPaymentOf(order)
    if (payment.captured_at) throw fail("CONFLICT", `Order ${order.display_id} was delivered and paid; use a return instead`)
    if (order.status === "canceled") throw fail("CONFLICT", `Order ${order.display_id} is already canceled`)
    await cancelOrderWorkflow(container).run({ input: { order_id: order.id, canceled_by: staffId } })
    await offlinePayments(container).createPaymentDecisions({
      order_id: order.id, method: "cod", action: "rto", actor_id: staffId, source: "staff", reason, amount_paise: toPaise(payment.amount as number),
    })
    return { order_id: order.id, status: "rto" as const }
  })
}

export const REMITTANCE_COLUMNS = ["order", "amount"]

export type RemittanceRow = {
  line: number
  order: string
  amount: string
  outcome: "matched" | "short" | "excess" | "mismatch" | "malformed"
  order_id?: string
  expected?: string
  reason?: string
}

/**
 * Courier remittance (columns `order` = display id or order id, `amount`; `awb`, `utr` optional):
 * each row is compared with the cash captured on that COD order. Matches are recorded once.
 * `fileId`, the kept CSV (src/lib/files/reconciliation-files.ts), is named in each decision's reason.
 */
export async function importCodRemittance(container: MedusaContainer, csv: string, staffId: string, fileId?: string): Promise<RemittanceRow[]> {
  const rows = parseCsv(csv, REMITTANCE_COLUMNS)
  const service = offlinePayments(container)
  const out: RemittanceRow[] = []
  for (const { line, row } of rows) {
    const base = { line, order: row.order ?? "", amount: row.amount ?? "" }
    const paise = rupeesToPaise(row.amount)
    const ref = (row.order ?? "").replace(/^#/, "")
    if (!ref || paise === null) {
      out.push({ ...base, outcome: "malformed", reason: !ref ? "order is empty" : "amount is not a rupee amount" })
      continue
    }
    const order = /^\d{1,9}$/.test(ref) ? await findOrder(container, { display_id: Number(ref) }) : ref.startsWith("order_") ? await findOrder(container, { id: ref }) : undefined
    if (!order) {
      out.push({ ...base, outcome: "mismatch", reason: "no such order" })
      continue
    }
    const payment = paymentsOf(order, COD_PROVIDER_ID)[0]
    if (!payment) {
      out.push({ ...base, outcome: "mismatch", order_id: order.id, reason: "not a cash-on-delivery order" })
      continue
    }
    if (!payment.captured_at) {
      out.push({ ...base, outcome: "mismatch", order_id: order.id, reason: "the order is not marked delivered" })
      continue
    }
    const captured = toPaise((payment.captures ?? []).reduce((s, c) => MathBN.add(s, MathBN.convert(c.amount as number)), MathBN.convert(0)))
    const expected = paiseToRupees(captured)
    const already = await service.listPaymentDecisions({ order_id: order.id, action: "remitted" })
    if (already.length) {
      out.push({ ...base, outcome: "mismatch", order_id: order.id, expected, reason: "remittance already recorded for this order" })
      continue
    }
    if (paise !== captured) {
      out.push({ ...base, outcome: paise < captured ? "short" : "excess", order_id: order.id, expected, reason: `courier remitted ${formatMinor(paise, "inr")}, collected ${formatMinor(captured, "inr")}` })
      continue
    }
    await service.createPaymentDecisions({
      order_id: order.id, method: "cod", action: "remitted", actor_id: staffId, source: "remittance",
      reason: [row.awb && `AWB ${row.awb}`, row.utr && `remittance UTR ${row.utr}`, `line ${line}`, fileId && `file ${fileId}`].filter(Boolean).join(", "), amount_paise: paise,
    })
    out.push({ ...base, outcome: "matched", order_id: order.id, expected })
  }
  return out
}
