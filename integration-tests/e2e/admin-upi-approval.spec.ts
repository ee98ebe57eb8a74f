import fs from "fs"
import path from "path"
import axios from "axios"
import { chromium, type Browser, type Page } from "playwright-core"
import { ADMIN, ROOT, dropDatabase, freePort, prepareDatabase, startMedusa, type RunningMedusa } from "./support/app"
import { findVariant } from "../helpers/store"
import { cartReadyForPayment, startPaymentSession } from "../helpers/checkout"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureAdminBuild } = require("../../scripts/lib/admin-build")

const DB = `e2e_upi_${process.pid}`
const ARTIFACTS = path.join(ROOT, "test-artifacts")
const UTR = "734512345678"

/**
 * A shopper pays by UPI and reports the UTR; a staff user opens the order in the admin, enters the
 * amount the bank shows in the UPI widget and approves: the order is paid.
 */
describe("UPI approval and COD delivery on the admin order page", () => {
  let app: RunningMedusa
  let browser: Browser
  let page: Page
  let orderId: string
  let amount: string
  let adminApi: ReturnType<typeof axios.create>
  let codOrderId: string

  beforeAll(async () => {
    const port = await freePort()
    const { env, summary } = await prepareDatabase(DB, port, { UPI_VPA: "demoshop@okaxis", UPI_PAYEE_NAME: "Demo Shop" })
    await ensureAdminBuild(env, (m: string) => console.log(m))
    app = await startMedusa(env, port)

    const api = axios.create({ baseURL: app.url })
    const key = summary.publishable_key
    const { data: { regions } } = await api.get("/store/regions", { headers: { "x-publishable-api-key": key } })
    const india = regions.find((r: { name: string }) => r.name === "India")
    const tee = await findVariant(api, key, "organic-crew-tee", india.id)
    const { cart, paymentCollectionId } = await cartReadyForPayment(api, key, {
      regionId: india.id,
      items: [{ variant_id: tee.variant.id, quantity: 1 }],
      shippingOptionName: "Standard Delivery",
    })
    const session = await startPaymentSession(api, key, paymentCollectionId, "pp_upi_upi")
    amount = session.data.amount
    const { data: done } = await api.post(`/store/carts/${cart.id}/complete`, {}, { headers: { "x-publishable-api-key": key } })
    expect(done.type).toBe("order")
    orderId = done.order.id
    await api.post(`/store/upi/payment-sessions/${session.id}/utr`, { utr: UTR }, { headers: { "x-publishable-api-key": key } })

    // A second order, paid cash on delivery.
    const codCart = await cartReadyForPayment(api, key, {
      regionId: india.id,
      items: [{ variant_id: tee.variant.id, quantity: 1 }],
      shippingOptionName: "Standard Delivery",
    })
    await startPaymentSession(api, key, codCart.paymentCollectionId, "pp_cod_cod")
    const { data: codDone } = await api.post(`/store/carts/${codCart.cart.id}/complete`, {}, { headers: { "x-publishable-api-key": key } })
    expect(codDone.type).toBe("order")
    codOrderId = codDone.order.id

    const { data: { token } } = await api.post("/auth/user/emailpass", ADMIN)
    adminApi = axios.create({ baseURL: app.url, headers: { authorization: `Bearer ${token}` } })

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    })
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    fs.mkdirSync(ARTIFACTS, { recursive: true })
  }, 900_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await dropDatabase(DB).catch(() => {})
  })

  it("staff approve the pending UPI payment and the order shows as paid", async () => {
    const before = (await adminApi.get(`/admin/orders/${orderId}?fields=payment_status`)).data.order
    expect(before.payment_status).not.toBe("captured")

    await page.goto(`${app.url}/app/login`)
    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL("**/app/orders", { timeout: 60_000 })

    await page.goto(`${app.url}/app/orders/${orderId}`)
    const widget = page.getByTestId("upi-payment-widget")
    await widget.waitFor({ timeout: 60_000 })
    expect(await widget.getByTestId("upi-utr").innerText()).toContain(UTR)
    expect(await widget.getByTestId("upi-status").innerText()).toContain("UTR to verify")

    // A wrong amount is refused with the reason and changes nothing.
    await widget.getByTestId("upi-amount").fill("1.00")
    await widget.getByTestId("upi-approve").click()
    await widget.getByTestId("upi-error").waitFor({ timeout: 30_000 })
    expect(await widget.getByTestId("upi-error").innerText()).toMatch(/does not match the order amount/)

    await widget.getByTestId("upi-amount").fill(amount)
    await widget.getByTestId("upi-approve").click()
    await page.getByTestId("upi-status").filter({ hasText: "Paid" }).waitFor({ timeout: 60_000 })
    const decision = await page.getByTestId("upi-decision").first().innerText()
    expect(decision).toMatch(/approved by user_/)

    const after = (await adminApi.get(`/admin/orders/${orderId}?fields=payment_status`)).data.order
    expect(after.payment_status).toBe("captured")
    // Medusa's own order header and payments section show the payment captured, ₹ outstanding 0.
    await page.getByText("Captured", { exact: true }).first().waitFor({ timeout: 30_000 })
    expect(await page.getByText("Outstanding amount").locator("..").innerText()).toContain("0.00")
    await page.getByTestId("upi-payment-widget").scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(ARTIFACTS, "admin-order-upi-approved.png"), fullPage: true })
  }, 300_000)

  it("staff mark a cash-on-delivery order delivered and its payment is captured", async () => {
    expect((await adminApi.get(`/admin/orders/${codOrderId}?fields=payment_status`)).data.order.payment_status).toBe("authorized")
    await page.goto(`${app.url}/app/orders/${codOrderId}`)
    const widget = page.getByTestId("cod-payment-widget")
    await widget.waitFor({ timeout: 60_000 })
    expect(await widget.getByTestId("cod-status").innerText()).toContain("To collect")
    await expect(page.getByTestId("upi-payment-widget").count()).resolves.toBe(0)
    await widget.getByTestId("cod-delivered").click()
    await page.getByTestId("cod-status").filter({ hasText: "Cash collected" }).waitFor({ timeout: 60_000 })
    expect(await page.getByTestId("cod-decision").first().innerText()).toMatch(/delivered by user_/)
    expect((await adminApi.get(`/admin/orders/${codOrderId}?fields=payment_status`)).data.order.payment_status).toBe("captured")
    await page.getByTestId("cod-payment-widget").scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(ARTIFACTS, "admin-order-cod-delivered.png"), fullPage: true })
  }, 300_000)
})
