import { model } from "@medusajs/framework/utils"

/** Who decided what about an offline payment (UPI direct, COD), when and why. Append-only. */
export const PaymentDecision = model
  .define("offline_payment_decision", {
    id: model.id({ prefix: "opdec" }).primaryKey(),
    order_id: model.text(),
    method: model.enum(["upi", "cod"]),
    action: model.enum(["approved", "rejected", "expired", "delivered", "rto", "remitted"]),
    /** Staff user id, or "system" for jobs. */
    actor_id: model.text(),
    source: model.enum(["staff", "statement", "remittance", "job"]),
    reason: model.text().nullable(),
    utr: model.text().nullable(),
    amount_paise: model.number().nullable(),
  })
  .indexes([{ on: ["order_id"] }])
