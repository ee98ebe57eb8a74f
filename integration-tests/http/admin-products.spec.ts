import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedDemo, type SeedResult } from "../helpers/seed"
import { adminAuth, ADMIN } from "../helpers/admin"
import { headers } from "../helpers/store"

jest.setTimeout(180 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let auth: { headers: Record<string, string> }

    beforeAll(async () => {
      seed = await seedDemo(getContainer())
    })
    beforeEach(async () => {
      auth = await adminAuth(api, getContainer())
    })

    it("rejects a wrong password and unauthenticated admin calls", async () => {
      const login = await api.post("/auth/user/emailpass", { ...ADMIN, password: "nope" }).catch((e) => e.response)
      expect(login.status).toBe(401)
      const res = await api.get("/admin/products").catch((e) => e.response)
      expect(res.status).toBe(401)
    })

    it("staff create a product, then update its title and price, and shoppers see the change", async () => {
      const { data: created } = await api.post(
        "/admin/products",
        {
          title: "Indigo Bandana",
          handle: "indigo-bandana",
          status: "published",
          options: [{ title: "Colour", values: ["Indigo"] }],
          variants: [{
            title: "Indigo",
            sku: "INDIGO-BANDANA",
            options: { Colour: "Indigo" },
            prices: [{ currency_code: "inr", amount: 349 }, { currency_code: "usd", amount: 9 }],
          }],
          sales_channels: [{ id: seed.sales_channel_id }],
        },
        auth
      )
      const id = created.product.id
      expect(created.product.variants[0].sku).toBe("INDIGO-BANDANA")

      const variantId = created.product.variants[0].id
      await api.post(`/admin/products/${id}`, { title: "Indigo Bandana (hand-dyed)" }, auth)
      await api.post(
        `/admin/products/${id}/variants/${variantId}`,
        { prices: [{ currency_code: "inr", amount: 399 }, { currency_code: "usd", amount: 9 }] },
        auth
      )

      const { data: fetched } = await api.get(`/admin/products/${id}?fields=title,*variants,*variants.prices`, auth)
      expect(fetched.product.title).toBe("Indigo Bandana (hand-dyed)")
      const inr = fetched.product.variants[0].prices.find((p: any) => p.currency_code === "inr")
      expect(inr.amount).toBe(399)

      const { data: store } = await api.get(
        `/store/products?handle=indigo-bandana&region_id=${seed.region_ids.in}&fields=title,*variants.calculated_price`,
        headers(seed.publishable_key)
      )
      expect(store.products[0].title).toBe("Indigo Bandana (hand-dyed)")
      expect(store.products[0].variants[0].calculated_price.calculated_amount).toBe(399)
    })

    it("answers 400 with a message for an invalid product, and creates nothing", async () => {
      const res = await api.post("/admin/products", { handle: "no-title" }, auth).catch((e) => e.response)
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/title/)
      const { data } = await api.get("/admin/products?handle=no-title", auth)
      expect(data.count).toBe(0)
    })
  },
})
