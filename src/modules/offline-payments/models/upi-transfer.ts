import { model } from "@medusajs/framework/utils"

/**
 * The UTR a shopper reported for a UPI-direct payment session. The unique UTR index is what
 * makes one bank transfer impossible to accept for two orders, across processes.
 */
export const UpiTransfer = model
  .define("upi_transfer", {
    id: model.id({ prefix: "upitr" }).primaryKey(),
    payment_session_id: model.text(),
    payment_collection_id: model.text(),
    order_id: model.text().nullable(),
    utr: model.text(),
    /** Integer paise the order asks for. */
    amount_paise: model.number(),
    status: model.enum(["submitted", "approved", "rejected", "expired"]).default("submitted"),
    decided_by: model.text().nullable(),
    decided_at: model.dateTime().nullable(),
    decision_reason: model.text().nullable(),
  })
  .indexes([
    { on: ["utr"], unique: true },
    { on: ["payment_session_id"], unique: true },
    { on: ["order_id"] },
  ])
