import fs from "fs"
import path from "path"
import axios from "axios"
import { Client } from "pg"
import { chromium, type Browser, type Page } from "playwright-core"
import { ADMIN, ROOT, dropDatabase, freePort, prepareDatabase, startMedusa, type RunningMedusa } from "./support/app"
import { findVariant, guestCheckout } from "../helpers/store"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureAdminBuild } = require("../../scripts/lib/admin-build")

const DB = `e2e_payinc_${process.pid}`
const ARTIFACTS = path.join(ROOT, "test-artifacts")

/**
 * Staff open an order in the admin and see the payment problems the gateways reported for it
 * (here a refund Razorpay could not complete), in the order page's side column.
 */
describe("payment problems on the admin order page", () => {
  let app: RunningMedusa
  let browser: Browser
  let page: Page
  let orderId: string
  let dbUrl: string

  beforeAll(async () => {
    const port = await freePort()
    const { env, summary } = await prepareDatabase(DB, port)
    dbUrl = env.DATABASE_URL!
    await ensureAdminBuild(env, (m: string) => console.log(m))
    app = await startMedusa(env, port)

    const api = axios.create({ baseURL: app.url })
    const { data: { regions } } = await api.get("/store/regions", { headers: { "x-publishable-api-key": summary.publishable_key } })
    const india = regions.find((r: { name: string }) => r.name === "India")
    const tee = await findVariant(api, summary.publishable_key, "organic-crew-tee", india.id)
    const { order } = await guestCheckout(api, summary.publishable_key, {
      regionId: india.id,
      items: [{ variant_id: tee.variant.id, quantity: 1 }],
      shippingOptionName: "Standard Delivery",
    })
    orderId = order.id

    // What the failure subscriber records when Razorpay sends refund.failed for this order.
    const pg = new Client({ connectionString: dbUrl })
    await pg.connect()
    await pg.query(
      `INSERT INTO payment_incident (id, provider, kind, reference, order_id, amount_minor, raw_amount_minor, currency_code, reason)
       VALUES ('pinc_e2e_1', 'razorpay', 'refund_failed', 'rfnd_E2eRefund0001', $1, 5000, '{"value":"5000","precision":20}', 'inr', 'refund failed at Razorpay')`,
      [orderId]
    )
    await pg.end()

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    })
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    fs.mkdirSync(ARTIFACTS, { recursive: true })
  }, 900_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await dropDatabase(DB).catch(() => {})
  })

  it("shows the failed refund, its amount and gateway reference", async () => {
    await page.goto(`${app.url}/app/login`)
    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL("**/app/orders", { timeout: 60_000 })

    await page.goto(`${app.url}/app/orders/${orderId}`)
    const widget = page.getByTestId("payment-incidents-widget")
    await widget.getByTestId("payment-incident").first().waitFor({ timeout: 60_000 })
    const text = await widget.innerText()
    expect(text).toContain("Payment problems")
    expect(text).toContain("Refund failed")
    expect(text).toContain("₹50.00")
    expect(text).toContain("rfnd_E2eRefund0001")
    await widget.scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(ARTIFACTS, "admin-order-payment-problems.png"), fullPage: true })
  }, 180_000)
})
