import fs from "fs"
import path from "path"
import axios from "axios"
import { chromium, type Browser } from "playwright-core"
import { ROOT, dropDatabase, freePort, prepareDatabase, startMedusa, waitFor, type RunningMedusa } from "./support/app"
import { findVariant } from "../helpers/store"
import { cartReadyForPayment, startPaymentSession } from "../helpers/checkout"
import { SesFixture } from "@indus/test-kit"

const DB = `e2e_email_${process.pid}`
const ARTIFACTS = path.join(ROOT, "test-artifacts")

/**
 * A real order placed through the store API of `medusa start`; its confirmation arrives at the SES
 * fixture and is opened in Chromium as a mail client would show the HTML part.
 */
describe("order confirmation e-mail in a browser", () => {
  const ses = new SesFixture()
  let app: RunningMedusa
  let browser: Browser
  let order: { id: string; display_id: number; total: number }

  beforeAll(async () => {
    await ses.start()
    const port = await freePort()
    const mail = {
      SES_REGION: "us-east-1",
      EMAIL_FROM: "shop@example.com",
      SES_ENDPOINT: ses.url,
      SES_ACCESS_KEY_ID: "x",
      SES_SECRET_ACCESS_KEY: "y",
      SHOP_NAME: "Jaipur Looms",
      SHOP_ADDRESS: "12 MI Road, Jaipur 302001, India",
      SHOP_SUPPORT_EMAIL: "help@jaipurlooms.example",
      ADMIN_DISABLED: "true",
    }
    const { env, summary } = await prepareDatabase(DB, port, mail)
    app = await startMedusa(env, port)

    const api = axios.create({ baseURL: app.url })
    const key = summary.publishable_key
    const h = { headers: { "x-publishable-api-key": key } }
    const { data: { regions } } = await api.get("/store/regions", h)
    const india = regions.find((r: { name: string }) => r.name === "India")
    const shawl = await findVariant(api, key, "pashmina-shawl", india.id)
    const { cart, paymentCollectionId } = await cartReadyForPayment(api, key, {
      regionId: india.id,
      items: [{ variant_id: shawl.variant.id, quantity: 13 }],
      shippingOptionName: "Standard Delivery",
    })
    await api.post(`/store/carts/${cart.id}`, { email: "shopper@example.com" }, h)
    await startPaymentSession(api, key, paymentCollectionId, "pp_system_default")
    const { data: done } = await api.post(`/store/carts/${cart.id}/complete`, {}, h)
    expect(done.type).toBe("order")
    order = done.order

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    })
    fs.mkdirSync(ARTIFACTS, { recursive: true })
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await ses.stop()
    await dropDatabase(DB).catch(() => {})
  })

  it("shows the items, the INR totals with Indian grouping and the shop's footer", async () => {
    const mail = await waitFor(async () => ses.to("shopper@example.com", `order #${order.display_id} confirmed`)[0], 60_000, "the confirmation at SES")
    const page = await browser.newPage({ viewport: { width: 700, height: 900 } })
    // as a mail client would: the HTML part alone, no network
    await page.route("**/*", (route) => route.abort())
    await page.setContent(mail.body.Content.Simple.Body.Html.Data, { waitUntil: "load" })
    await page.screenshot({ path: path.join(ARTIFACTS, "email-order-confirmation.png"), fullPage: true })

    const heading = page.getByRole("heading", { level: 1 })
    expect(await heading.innerText()).toBe(`Thank you for your order #${order.display_id}`)
    const body = await page.locator("body").innerText()
    expect(body).toContain("13 × Pashmina Shawl")
    expect(body).toContain("₹1,16,987.00")
    expect(body).toMatch(/Total\s+₹1,17,086\.00/)
    expect(body).toContain("Includes taxes of")
    expect(body).toContain("12 MI Road, Jaipur 302001, India")
    expect(body).toContain("help@jaipurlooms.example")
    // the total sits on the same row as its label, its text right-aligned at the far side of the mail
    const textBox = (text: string) =>
      page.evaluate((t) => {
        const cell = [...document.querySelectorAll("td")].find((td) => td.textContent === t)!
        const range = document.createRange()
        range.selectNodeContents(cell)
        const r = range.getBoundingClientRect()
        return { x: r.x, y: r.y, right: r.right }
      }, text)
    const [t, l] = [await textBox("₹1,17,086.00"), await textBox("Total")]
    expect(Math.abs(t.y - l.y)).toBeLessThan(4)
    expect(t.x - l.right).toBeGreaterThan(300)
    await page.close()
  })
})
