import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules, PaymentSessionStatus } from "@medusajs/framework/utils"
import { authorizePaymentSessionForOrderWorkflow, cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { formatMinor } from "@indus/money"
import { isUniqueViolation } from "../../../modules/offline-payments/service"
import { isUtr, paiseToRupees, rupeesToPaise, toPaise } from "../../../modules/payment-upi/helpers"
import type { UpiApproval, UpiSessionData } from "../../../modules/payment-upi/types"
import { COD_PROVIDER_ID, UPI_PROVIDER_ID } from "../providers-config"
import { fail, isDecisionError } from "./errors"
import { offlinePayments, orderOfCollection, orderWithPayments, paymentsOf, sessionsOf, withOrderLock, type OrderPayments } from "./orders"

type Actor = { id: string; source: "staff" | "statement" | "job" }


/** Shopper reports the UTR of the transfer. Idempotent for the same UTR; never lets one UTR serve two orders. */
export async function submitUtr(container: MedusaContainer, sessionId: string, input: { utr: string; amount?: string | number }) {
  if (!isUtr(input.utr)) throw fail("INVALID_DATA", "The UTR is the 12-digit reference your UPI app shows for the payment")
  const payments = container.resolve(Modules.PAYMENT)
  const [session] = await payments.listPaymentSessions({ id: sessionId })
  if (!session) throw fail("NOT_FOUND", `Payment session ${sessionId} not found`)
  if (session.provider_id !== UPI_PROVIDER_ID) throw fail("INVALID_DATA", "This payment session is not a UPI payment")
  const data = session.data as unknown as UpiSessionData
  if (input.amount !== undefined && rupeesToPaise(input.amount) !== data.amount_paise) {
    throw fail("INVALID_DATA", `The amount paid (${String(input.amount)}) does not match the order amount ${formatMinor(data.amount_paise, "inr")}`)
  }
  const order = await orderOfCollection(container, session.payment_collection_id)
  if (!order) throw fail("NOT_ALLOWED", "Place the order first, then submit the UTR of your payment")
  const service = offlinePayments(container)

  return withOrderLock(container, order.id, async () => {
    const [existing] = await service.listUpiTransfers({ payment_session_id: sessionId })
    if (existing) {
      if (existing.utr === input.utr) return existing
      throw fail("CONFLICT", "A different UTR was already submitted for this order; contact the shop if it was wrong")
    }
    if (order.status === "canceled") throw fail("NOT_ALLOWED", "This order was canceled (unpaid in time or rejected); its payment can no longer be submitted")
    if (session.status !== PaymentSessionStatus.PENDING_AUTHORIZATION) throw fail("CONFLICT", "This order's payment is already settled")
    try {
      return await service.createUpiTransfers({
        payment_session_id: sessionId,
        payment_collection_id: session.payment_collection_id,
        order_id: order.id,
        utr: input.utr,
        amount_paise: data.amount_paise,
      })
    } catch (e) {
      if (isUniqueViolation(e)) throw fail("CONFLICT", "This UTR was already submitted for another order")
      throw e
    }
  })
}

function upiSessionOf(order: OrderPayments) {
  const session = sessionsOf(order, UPI_PROVIDER_ID)[0]
  if (!session) throw fail("INVALID_DATA", `Order ${order.display_id} is not paid by UPI`)
  return session
}

/**
 * Staff (or the statement import) confirm the money arrived: the session is marked approved, then
 * Medusa's own deferred-authorization workflow authorizes and captures it on the order.
 */
export async function approveUpi(container: MedusaContainer, orderId: string, input: { amount: string | number; actor: Actor; reason?: string }) {
  return withOrderLock(container, orderId, async () => {
    const order = await orderWithPayments(container, orderId)
    const session = upiSessionOf(order)
    const service = offlinePayments(container)
    const [transfer] = await service.listUpiTransfers({ payment_session_id: session.id })
    if (transfer?.status === "approved" || session.status === PaymentSessionStatus.AUTHORIZED || session.status === PaymentSessionStatus.CAPTURED) {
      throw fail("CONFLICT", `The UPI payment of order ${order.display_id} is already approved`)
    }
    if (order.status === "canceled") throw fail("NOT_ALLOWED", `Order ${order.display_id} is canceled; its payment cannot be approved`)
    if (!transfer) throw fail("NOT_ALLOWED", `No UTR has been submitted for order ${order.display_id} yet`)
    if (transfer.status !== "submitted") throw fail("NOT_ALLOWED", `The UTR of order ${order.display_id} was ${transfer.status}`)
    const received = rupeesToPaise(input.amount)
    if (received === null) throw fail("INVALID_DATA", `amount "${String(input.amount)}" is not a rupee amount`)
    if (received !== transfer.amount_paise) {
      throw fail("INVALID_DATA", `Amount received ${formatMinor(received, "inr")} does not match the order amount ${formatMinor(transfer.amount_paise, "inr")}`)
    }

    const approval: UpiApproval = { utr: transfer.utr, approved_by: input.actor.id, approved_at: new Date().toISOString(), source: input.actor.source === "statement" ? "statement" : "staff" }
    const payments = container.resolve(Modules.PAYMENT)
    await payments.updatePaymentSession({ id: session.id, amount: session.amount as number, currency_code: session.currency_code, data: { ...session.data, approval } })
    await authorizePaymentSessionForOrderWorkflow(container).run({ input: { payment_session_id: session.id } })
    await announceCapture(container, session.id)

    const decidedAt = new Date()
    await service.updateUpiTransfers({ id: transfer.id, status: "approved", decided_by: input.actor.id, decided_at: decidedAt, decision_reason: input.reason ?? null })
    await service.createPaymentDecisions({
      order_id: order.id, method: "upi", action: "approved", actor_id: input.actor.id, source: input.actor.source,
      reason: input.reason ?? null, utr: transfer.utr, amount_paise: received,
    })
    return { order_id: order.id, utr: transfer.utr, status: "approved" as const }
  })
}

/**
 * The UPI provider reports the approved payment as already captured, so Medusa records the capture
 * inside authorization and emits no `payment.captured` (only capturePaymentWorkflow does). Emit it
 * here so everything that follows a capture (the "payment received" e-mail, payment metrics,
 * analytics) sees UPI payments as it sees any other.
 */
async function announceCapture(container: MedusaContainer, sessionId: string) {
  const [payment] = await container.resolve(Modules.PAYMENT).listPayments({ payment_session_id: sessionId } as never, { relations: ["captures"] })
  if (!payment?.captures?.length) return
  await container.resolve(Modules.EVENT_BUS).emit({ name: "payment.captured", data: { id: payment.id } })
}

/** Staff found no such transfer (or a wrong one): the order is canceled, which releases its stock. */
export async function rejectUpi(container: MedusaContainer, orderId: string, input: { reason: string; actor: Actor; action?: "rejected" | "expired" }) {
  const action = input.action ?? "rejected"
  return withOrderLock(container, orderId, async () => {
    const order = await orderWithPayments(container, orderId)
    const session = upiSessionOf(order)
    const service = offlinePayments(container)
    const [transfer] = await service.listUpiTransfers({ payment_session_id: session.id })
    if (transfer?.status === "approved" || session.status === PaymentSessionStatus.AUTHORIZED || session.status === PaymentSessionStatus.CAPTURED) {
      throw fail("CONFLICT", `The UPI payment of order ${order.display_id} is already approved; refund it instead`)
    }
    if (order.status === "canceled") throw fail("CONFLICT", `Order ${order.display_id} is already canceled`)

    await cancelOrderWorkflow(container).run({ input: { order_id: order.id, canceled_by: input.actor.id } })
    if (transfer) {
      await service.updateUpiTransfers({ id: transfer.id, status: action, decided_by: input.actor.id, decided_at: new Date(), decision_reason: input.reason })
    }
    await service.createPaymentDecisions({
      order_id: order.id, method: "upi", action, actor_id: input.actor.id, source: input.actor.source,
      reason: input.reason, utr: transfer?.utr ?? null, amount_paise: transfer?.amount_paise ?? null,
    })
    return { order_id: order.id, status: action }
  })
}

/**
 * Cancels UPI orders still unpaid `minutes` after checkout. Orders whose shopper already reported a
 * UTR wait for staff instead: their money may be on its way to the bank statement.
 */
export async function expireUnpaidUpiOrders(container: MedusaContainer, minutes: number, now = new Date()): Promise<string[]> {
  const payments = container.resolve(Modules.PAYMENT)
  const cutoff = new Date(now.getTime() - minutes * 60_000)
  const stale = await payments.listPaymentSessions(
    { provider_id: UPI_PROVIDER_ID, status: PaymentSessionStatus.PENDING_AUTHORIZATION, created_at: { $lt: cutoff } } as never,
    { take: 200 }
  )
  const expired: string[] = []
  for (const session of stale) {
    const order = await orderOfCollection(container, session.payment_collection_id)
    if (!order || order.status === "canceled") continue
    const [transfer] = await offlinePayments(container).listUpiTransfers({ payment_session_id: session.id })
    if (transfer) continue
    try {
      await rejectUpi(container, order.id, { reason: `unpaid after ${minutes} minutes`, actor: { id: "system", source: "job" }, action: "expired" })
      expired.push(order.id)
    } catch (e) {
      if (!isDecisionError(e)) throw e // someone decided first
    }
  }
  return expired
}

/** UPI state (UTR, amount), COD state and the decisions of one order, for the admin widget. */
export async function upiStatusOfOrder(container: MedusaContainer, orderId: string) {
  const order = await orderWithPayments(container, orderId)
  const service = offlinePayments(container)
  const decisions = await service.listPaymentDecisions({ order_id: order.id }, { order: { created_at: "ASC" } })
  const cod = paymentsOf(order, COD_PROVIDER_ID)[0]
  const codState = cod ? { payment_id: cod.id, amount: paiseToRupees(toPaise(cod.amount as number)), captured: !!cod.captured_at, canceled: !!cod.canceled_at } : null
  const session = sessionsOf(order, UPI_PROVIDER_ID)[0]
  if (!session) return { order_id: order.id, order_status: order.status, upi: null, cod: codState, decisions }
  const [transfer] = await service.listUpiTransfers({ payment_session_id: session.id })
  const data = session.data as unknown as UpiSessionData
  return {
    order_id: order.id,
    order_status: order.status,
    upi: {
      payment_session_id: session.id,
      session_status: session.status,
      reference: data.reference,
      amount: data.amount,
      expires_at: data.expires_at,
      utr: transfer?.utr ?? null,
      transfer_status: transfer?.status ?? "awaiting_utr",
      submitted_at: transfer?.created_at ?? null,
    },
    cod: null,
    decisions,
  }
}
