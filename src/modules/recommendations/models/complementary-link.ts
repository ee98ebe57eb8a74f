import { model } from "@medusajs/framework/utils"

/** Staff-curated "pair it with" links, shown in the given order. */
export const ComplementaryLink = model
  .define("complementary_link", {
    id: model.id({ prefix: "clink" }).primaryKey(),
    product_id: model.text(),
    linked_product_id: model.text(),
    position: model.number().default(0),
  })
  .indexes([{ on: ["product_id", "linked_product_id"], unique: true }])
