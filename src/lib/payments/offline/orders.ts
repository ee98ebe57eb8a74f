import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { OFFLINE_PAYMENTS_MODULE } from "../../../modules/offline-payments"
import type OfflinePaymentsModuleService from "../../../modules/offline-payments/service"

export type OrderPayments = {
  id: string
  display_id: number
  status: string
  currency_code: string
  payment_collections: {
    id: string
    amount: unknown
    payment_sessions: { id: string; provider_id: string; status: string; amount: unknown; currency_code: string; data: Record<string, unknown> }[]
    payments: { id: string; provider_id: string; amount: unknown; captured_at: string | null; canceled_at: string | null; captures?: { amount: unknown }[] }[]
  }[]
}

export const offlinePayments = (c: MedusaContainer) => c.resolve<OfflinePaymentsModuleService>(OFFLINE_PAYMENTS_MODULE)

const ORDER_FIELDS = [
  "id", "display_id", "status", "currency_code",
  "payment_collections.id", "payment_collections.amount",
  "payment_collections.payment_sessions.id", "payment_collections.payment_sessions.provider_id",
  "payment_collections.payment_sessions.status", "payment_collections.payment_sessions.amount",
  "payment_collections.payment_sessions.currency_code", "payment_collections.payment_sessions.data",
  "payment_collections.payments.id", "payment_collections.payments.provider_id", "payment_collections.payments.amount",
  "payment_collections.payments.captured_at", "payment_collections.payments.canceled_at",
  "payment_collections.payments.captures.amount",
]

export async function findOrder(container: MedusaContainer, filters: { id?: string; display_id?: number }): Promise<OrderPayments | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: filters as never })
  return data[0] as unknown as OrderPayments | undefined
}

export async function orderWithPayments(container: MedusaContainer, orderId: string): Promise<OrderPayments> {
  const order = await findOrder(container, { id: orderId })
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${orderId} not found`)
  return order
}

/** The order a payment collection belongs to, if it was placed. */
export async function orderOfCollection(container: MedusaContainer, collectionId: string): Promise<{ id: string; status: string } | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order_payment_collection", fields: ["order.id", "order.status"], filters: { payment_collection_id: collectionId } })
  return (data[0] as { order?: { id: string; status: string } } | undefined)?.order
}

export const sessionsOf = (order: OrderPayments, providerId: string) =>
  order.payment_collections.flatMap((pc) => pc.payment_sessions ?? []).filter((s) => s.provider_id === providerId)
export const paymentsOf = (order: OrderPayments, providerId: string) =>
  order.payment_collections.flatMap((pc) => pc.payments ?? []).filter((p) => p.provider_id === providerId)

/** Serialises decisions about one order across processes (two staff clicking approve, a CSV import at the same time). */
export async function withOrderLock<T>(container: MedusaContainer, key: string, fn: () => Promise<T>): Promise<T> {
  const locking = container.resolve("locking") as { execute: <R>(keys: string | string[], job: () => Promise<R>, opts?: { timeout?: number }) => Promise<R> }
  return locking.execute(`offline-payment:${key}`, fn, { timeout: 10 })
}
