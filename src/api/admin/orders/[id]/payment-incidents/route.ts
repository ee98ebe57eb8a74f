import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PAYMENT_AUDIT_MODULE } from "../../../../../modules/payment-audit"
import type PaymentAuditModuleService from "../../../../../modules/payment-audit/service"

/**
 * Failed payments and failed refunds of an order, newest first: those recorded against the order
 * and those of its payment collections (attempts that failed at checkout, before the order existed).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "payment_collections.id"],
    filters: { id: req.params.id },
  })
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} was not found`)
  const collectionIds = (order.payment_collections ?? []).map((c: { id: string } | null) => c?.id).filter(Boolean) as string[]
  const audit = req.scope.resolve<PaymentAuditModuleService>(PAYMENT_AUDIT_MODULE)
  const incidents = await audit.listPaymentIncidents(
    collectionIds.length ? { $or: [{ order_id: order.id }, { payment_collection_id: collectionIds }] } : { order_id: order.id },
    { order: { created_at: "DESC" }, take: 50 }
  )
  res.json({
    payment_incidents: incidents.map((i) => ({
      id: i.id,
      provider: i.provider,
      kind: i.kind,
      reference: i.reference,
      amount_minor: i.amount_minor === null ? null : Number(i.amount_minor),
      currency_code: i.currency_code,
      reason: i.reason,
      created_at: i.created_at,
    })),
  })
}
