import { model } from "@medusajs/framework/utils"

/** Computed nightly: units sold per product within each category over the recent window. */
export const CategoryPopularity = model
  .define("category_popularity", {
    id: model.id({ prefix: "cpop" }).primaryKey(),
    category_id: model.text(),
    product_id: model.text(),
    units: model.number(),
  })
  .indexes([{ on: ["category_id", "units"] }])
