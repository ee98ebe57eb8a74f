import { model } from "@medusajs/framework/utils"

/** Computed nightly: "frequently bought together" pairs, best first per product. */
export const ProductRecommendation = model
  .define("product_recommendation", {
    id: model.id({ prefix: "prec" }).primaryKey(),
    product_id: model.text(),
    recommended_product_id: model.text(),
    together: model.number(),
    score: model.float(),
  })
  .indexes([{ on: ["product_id", "score"] }])
