import { model } from "@medusajs/framework/utils"

/** A gateway webhook delivery we accepted; the unique key makes a redelivery detectable in any process. */
export const WebhookEvent = model
  .define("payment_webhook_event", {
    id: model.id({ prefix: "pwhe" }).primaryKey(),
    provider: model.text(),
    event_id: model.text(),
    event_type: model.text().nullable(),
  })
  .indexes([{ on: ["provider", "event_id"], unique: true }])
