import { model } from "@medusajs/framework/utils"

/**
 * A payment that failed or a refund the gateway could not complete, kept so staff see it on the
 * order. `reference` is the gateway's id (payment, refund); one incident per kind and reference.
 */
export const PaymentIncident = model
  .define("payment_incident", {
    id: model.id({ prefix: "pinc" }).primaryKey(),
    provider: model.text(),
    kind: model.enum(["payment_failed", "refund_failed"]),
    reference: model.text(),
    payment_session_id: model.text().nullable(),
    payment_collection_id: model.text().nullable(),
    order_id: model.text().nullable(),
    /** Integer minor units as the gateway reported them. */
    amount_minor: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    /** Gateway error code/reason; never customer data. */
    reason: model.text().nullable(),
  })
  .indexes([
    { on: ["provider", "kind", "reference"], unique: true },
    { on: ["order_id"] },
    { on: ["payment_collection_id"] },
  ])
