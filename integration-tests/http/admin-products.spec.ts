import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedDemo, type SeedResult } from "../helpers/seed"
import { adminAuth, ADMIN } from "../helpers/admin"
import { headers } from "../helpers/store"
import net from "net"
import path from "path"
import { PRODUCT_LINES } from "../../src/scripts/seed/catalog"
import { writeProductImages } from "../../src/scripts/seed/product-images"

jest.setTimeout(180 * 1000)

// The app listens on PORT and medusa-config derives the local file URLs from it, as `npm start`
// does with 3001: uploads and seeded images must be fetchable at the URLs they are given.
const saved = { ...process.env }
beforeAll(async () => {
  const probe = net.createServer().listen(0, "127.0.0.1")
  await new Promise((r) => probe.once("listening", r))
  process.env.PORT = String((probe.address() as net.AddressInfo).port)
  await new Promise((r) => probe.close(r))
  delete process.env.MEDUSA_BACKEND_URL
  delete process.env.S3_BUCKET
})
afterAll(() => {
  process.env = saved
})

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

    it("without S3, an admin upload and the seed's product images are served by the app at the URLs they get", async () => {
      const backend = `http://localhost:${process.env.PORT}`
      const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64")
      const form = new FormData()
      form.append("files", new Blob([png], { type: "image/png" }), "bandana.png")
      const { data } = await api.post("/admin/uploads", form, auth)
      const url: string = data.files[0].url
      expect(url).toMatch(new RegExp(`^${backend}/static/\\d+-bandana\\.png$`))
      const served = await fetch(url)
      expect(served.status).toBe(200)
      expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true)

      // What `npm start`'s seed writes (static/demo) and links, with the same backend URL.
      const [imageUrl] = writeProductImages(PRODUCT_LINES[0], path.join(process.cwd(), "static"), backend)
      const image = await fetch(imageUrl)
      expect(image.status).toBe(200)
      expect(await image.text()).toContain("<svg")
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
