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
const STATEMENT_UTR = "734598765432"

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
  let statementOrderId: string
  let statementAmount: string

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

    // A second UPI order whose credit will arrive through the bank-statement import.
    const upi2 = await cartReadyForPayment(api, key, {
      regionId: india.id,
      items: [{ variant_id: tee.variant.id, quantity: 2 }],
      shippingOptionName: "Standard Delivery",
    })
    const session2 = await startPaymentSession(api, key, upi2.paymentCollectionId, "pp_upi_upi")
    statementAmount = session2.data.amount
    const { data: done2 } = await api.post(`/store/carts/${upi2.cart.id}/complete`, {}, { headers: { "x-publishable-api-key": key } })
    expect(done2.type).toBe("order")
    statementOrderId = done2.order.id
    await api.post(`/store/upi/payment-sessions/${session2.id}/utr`, { utr: STATEMENT_UTR }, { headers: { "x-publishable-api-key": key } })

    // An order paid cash on delivery.
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

  it("staff import a bank statement on the Reconciliation page: the matching credit pays its order, the rest is listed", async () => {
    expect((await adminApi.get(`/admin/orders/${statementOrderId}?fields=payment_status`)).data.order.payment_status).not.toBe("captured")
    await page.goto(`${app.url}/app/orders`)
    await page.locator("nav").getByRole("link", { name: "Reconciliation" }).click()
    const panel = page.getByTestId("upi-statement")
    await panel.waitFor({ timeout: 60_000 })

    // A file without the needed columns is refused with the reason, nothing imported.
    await panel.getByTestId("upi-statement-file").setInputFiles({ name: "notes.csv", mimeType: "text/csv", buffer: Buffer.from("date,narration\n2026-11-25,hello\n") })
    await panel.getByTestId("upi-statement-upload").click()
    await panel.getByTestId("upi-statement-error").waitFor({ timeout: 30_000 })
    expect(await panel.getByTestId("upi-statement-error").innerText()).toMatch(/columns utr, amount \(missing: utr, amount\)/)
    expect(await panel.getByTestId("upi-statement-result").count()).toBe(0)
    expect((await adminApi.get(`/admin/orders/${statementOrderId}?fields=payment_status`)).data.order.payment_status).not.toBe("captured")

    const csv = [
      "date,utr,amount,narration",
      `2026-11-25,${STATEMENT_UTR},${statementAmount},UPI/CR/${STATEMENT_UTR}`,
      "2026-11-25,555512345678,250.00,UPI/CR/unknown payer",
      "2026-11-25,12AB,10.00,not a UTR",
    ].join("\n")
    await panel.getByTestId("upi-statement-file").setInputFiles({ name: "statement.csv", mimeType: "text/csv", buffer: Buffer.from(csv) })
    await panel.getByTestId("upi-statement-upload").click()
    await panel.getByTestId("upi-statement-result").waitFor({ timeout: 60_000 })
    expect(await panel.getByTestId("upi-statement-summary").innerText()).toBe("3 rows: 1 approved, 1 for review, 1 malformed")
    const approved = panel.getByTestId("upi-statement-done-row")
    expect(await approved.count()).toBe(1)
    expect(await approved.innerText()).toContain(STATEMENT_UTR)
    expect(await approved.getByRole("link").getAttribute("href")).toBe(`/app/orders/${statementOrderId}`)
    const review = panel.getByTestId("upi-statement-review-row")
    expect(await review.count()).toBe(1)
    expect(await review.innerText()).toMatch(/555512345678[\s\S]*250\.00[\s\S]*no order has reported this UTR/)
    expect(await panel.getByTestId("upi-statement-malformed-row").innerText()).toMatch(/12AB[\s\S]*UTR is not 12 digits/)

    expect((await adminApi.get(`/admin/orders/${statementOrderId}?fields=payment_status`)).data.order.payment_status).toBe("captured")
    const { data: state } = await adminApi.get(`/admin/orders/${statementOrderId}/offline-payment`)
    expect(state.upi.transfer_status).toBe("approved")
    expect(state.decisions.map((d: { source: string; action: string }) => `${d.source}:${d.action}`)).toContain("statement:approved")

    // The imported file is kept (private) and staff can download exactly what they imported.
    const kept = panel.getByTestId("upi-statement-kept-file")
    const href = await kept.getAttribute("href")
    expect(href).toMatch(/^\/admin\/reconciliation-files\/[^/]*reconciliation%2F[^/]*upi-statement[^/]*\.csv$/)
    // The browser's session cookie is what authorizes the link.
    const link = await page.request.get(`${app.url}${href}`, { maxRedirects: 0 })
    expect(link.status()).toBe(302)
    // Local file provider: /static on the backend URL (this test app listens on its own port, not MEDUSA_BACKEND_URL's).
    const location = new URL(link.headers()["location"])
    expect(location.pathname).toMatch(/^\/static\/reconciliation\/private-\d+-upi-statement\.csv$/)
    const download = await page.request.get(`${app.url}${location.pathname}`)
    expect(download.status()).toBe(200)
    expect(await download.text()).toBe(csv)
    expect(state.decisions.find((d: { source: string }) => d.source === "statement").reason).toContain(decodeURIComponent(href!.split("/").pop()!))
    await page.screenshot({ path: path.join(ARTIFACTS, "admin-reconciliation-statement.png"), fullPage: true })
  }, 300_000)

  it("staff import a courier remittance on the Reconciliation page: the delivered COD order matches, the mismatches are listed", async () => {
    const cod = (await adminApi.get(`/admin/orders/${codOrderId}/offline-payment`)).data.cod
    expect(cod.captured).toBe(true) // marked delivered in the test above
    const codDisplay = (await adminApi.get(`/admin/orders/${codOrderId}?fields=display_id`)).data.order.display_id
    const upiDisplay = (await adminApi.get(`/admin/orders/${statementOrderId}?fields=display_id`)).data.order.display_id

    const panel = page.getByTestId("cod-remittance")
    await panel.waitFor({ timeout: 60_000 })
    const csv = ["order,amount,awb", `#${codDisplay},${cod.amount},AWB1001`, `#${upiDisplay},${statementAmount},AWB1002`, "#99999,100.00,AWB1003", "#7,lots,AWB1004"].join("\n")
    await panel.getByTestId("cod-remittance-file").setInputFiles({ name: "remittance.csv", mimeType: "text/csv", buffer: Buffer.from(csv) })
    await panel.getByTestId("cod-remittance-upload").click()
    await panel.getByTestId("cod-remittance-result").waitFor({ timeout: 60_000 })
    expect(await panel.getByTestId("cod-remittance-summary").innerText()).toBe("4 rows: 1 matched, 2 for review, 1 malformed")
    expect(await panel.getByTestId("cod-remittance-done-row").innerText()).toContain(codOrderId)
    const review = await panel.getByTestId("cod-remittance-review-row").allInnerTexts()
    expect(review).toHaveLength(2)
    expect(review[0]).toMatch(new RegExp(`#${upiDisplay}[\\s\\S]*mismatch[\\s\\S]*not a cash-on-delivery order`))
    expect(review[1]).toMatch(/#99999[\s\S]*no such order/)
    expect(await panel.getByTestId("cod-remittance-malformed-row").innerText()).toMatch(/amount is not a rupee amount/)

    const { data: state } = await adminApi.get(`/admin/orders/${codOrderId}/offline-payment`)
    expect(state.decisions.filter((d: { action: string }) => d.action === "remitted")).toHaveLength(1)
    await panel.scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(ARTIFACTS, "admin-reconciliation-remittance.png"), fullPage: true })
  }, 300_000)
})
