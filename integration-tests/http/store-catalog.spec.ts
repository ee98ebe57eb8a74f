import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedDemo, type SeedResult } from "../helpers/seed"
import { PRODUCT_LINES } from "../../src/scripts/seed/catalog"
import { headers } from "../helpers/store"

jest.setTimeout(180 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult

    beforeAll(async () => {
      seed = await seedDemo(getContainer())
    })

    it("lists the seeded catalog to a storefront holding the publishable key", async () => {
      const { data } = await api.get(
        `/store/products?limit=100&region_id=${seed.region_ids.in}` +
          "&fields=handle,title,thumbnail,*images,*options,*options.values,*variants,*variants.calculated_price,*categories,*collection,*tags,*type",
        headers(seed.publishable_key)
      )
      expect(data.count).toBe(PRODUCT_LINES.length)
      expect(data.count).toBeGreaterThanOrEqual(40)

      const tee = data.products.find((p: any) => p.handle === "organic-crew-tee")
      expect(tee.options.map((o: any) => o.title).sort()).toEqual(["Colour", "Size"])
      expect(tee.variants).toHaveLength(4 * 3)
      expect(tee.variants.map((v: any) => v.sku)).toContain("ORGANIC-CREW-TEE-M-INDIGO")
      const medium = tee.variants.find((v: any) => v.sku === "ORGANIC-CREW-TEE-M-WHITE")
      expect(medium.calculated_price).toMatchObject({ currency_code: "inr", calculated_amount: 799, is_calculated_price_tax_inclusive: true })
      expect(tee.categories.map((c: any) => c.handle)).toEqual(["t-shirts"])
      expect(tee.collection.handle).toBe("everyday-essentials")
      expect(tee.type.value).toBe("Apparel")
      expect(tee.thumbnail).toBe("http://localhost:3001/static/demo/organic-crew-tee-1.svg")
      expect(tee.images).toHaveLength(3)

      // Every product is sellable in all three currencies.
      for (const currency of ["usd", "eur"]) {
        const region = currency === "usd" ? seed.region_ids.us : seed.region_ids.eu
        const { data: priced } = await api.get(
          `/store/products/${tee.id}?region_id=${region}&fields=*variants.calculated_price`,
          headers(seed.publishable_key)
        )
        expect(priced.product.variants[0].calculated_price.currency_code).toBe(currency)
        expect(priced.product.variants[0].calculated_price.calculated_amount).toBeGreaterThan(0)
      }
    })

    it("reports stock for seeded variants", async () => {
      const { data } = await api.get(
        "/store/products?handle=stoneware-mug&fields=*variants,+variants.inventory_quantity",
        headers(seed.publishable_key)
      )
      const quantities = data.products[0].variants.map((v: any) => v.inventory_quantity)
      expect(quantities).toHaveLength(3)
      for (const q of quantities) expect(q).toBeGreaterThanOrEqual(20)
    })

    it("answers 400 with a message when the publishable key is missing", async () => {
      const res = await api.get("/store/products").catch((e) => e.response)
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/Publishable API key required/)
    })

    it("a second seed run duplicates nothing", async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const count = async (entity: string) =>
        (await query.graph({ entity, fields: ["id"] })).data.length
      const entities = ["product", "product_variant", "region", "shipping_option", "tax_region", "tax_rate",
        "product_category", "product_collection", "api_key", "sales_channel", "stock_location", "inventory_level"]
      const before = Object.fromEntries(await Promise.all(entities.map(async (e) => [e, await count(e)])))

      const again = await seedDemo(getContainer())

      const after = Object.fromEntries(await Promise.all(entities.map(async (e) => [e, await count(e)])))
      expect(again.created_products).toBe(0)
      expect(again.publishable_key).toBe(seed.publishable_key)
      expect(after).toEqual(before)
      expect(before.region).toBe(3)
      expect(before.shipping_option).toBe(6)
    })
  },
})
