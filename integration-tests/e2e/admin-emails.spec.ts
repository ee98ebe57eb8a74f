import fs from "fs"
import path from "path"
import axios from "axios"
import { chromium, type Browser, type Page } from "playwright-core"
import { ADMIN, ROOT, dropDatabase, freePort, prepareDatabase, startMedusa, type RunningMedusa } from "./support/app"
import { SES_ERRORS, SesFixture } from "@indus/test-kit"
import { decodePngDataUrl } from "../helpers/qr"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureAdminBuild } = require("../../scripts/lib/admin-build")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { medusa } = require("../../scripts/lib/run")

const DB = `e2e_emails_${process.pid}`
const ARTIFACTS = path.join(ROOT, "test-artifacts")

/**
 * A shop without AWS settings keeps its e-mails in the local outbox: staff open "E-mails" in the
 * admin, see the message and its preview (inline QR image included). A message SES refused shows
 * as failed with the reason. Both are made by `npm run email:test` (src/scripts/send-test-email.ts).
 */
describe("admin E-mails page", () => {
  let app: RunningMedusa
  let browser: Browser
  let page: Page
  let adminApi: ReturnType<typeof axios.create>
  const ses = new SesFixture()

  beforeAll(async () => {
    const port = await freePort()
    const { env } = await prepareDatabase(DB, port)
    // No SES settings: the outbox keeps the rendered copy.
    await medusa(["exec", "./src/scripts/send-test-email.ts", "asha.k@example.in"], { env })
    // The same shop with SES configured, and SES refusing: recorded as failed.
    await ses.start()
    ses.failNext(SES_ERRORS.accountPaused)
    const sesEnv = {
      ...env,
      SES_REGION: "ap-south-1",
      EMAIL_FROM: "orders@shop.example",
      SES_ENDPOINT: ses.url,
      SES_ACCESS_KEY_ID: "AKIDE2E",
      SES_SECRET_ACCESS_KEY: "e2e-secret",
      SES_MAX_ATTEMPTS: "1",
    }
    const refused = await medusa(["exec", "./src/scripts/send-test-email.ts", "ravi@example.in"], { env: sesEnv }).catch((e: Error) => e)
    expect(refused).toBeInstanceOf(Error)
    expect(ses.attempts).toHaveLength(1)

    await ensureAdminBuild(env, (m: string) => console.log(m))
    app = await startMedusa(env, port)
    const { data: { token } } = await axios.post(`${app.url}/auth/user/emailpass`, ADMIN)
    adminApi = axios.create({ baseURL: app.url, headers: { authorization: `Bearer ${token}` } })

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    })
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 } })
    fs.mkdirSync(ARTIFACTS, { recursive: true })
  }, 900_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await ses.stop()
    await dropDatabase(DB).catch(() => {})
  })

  it("the admin API returns the outbox copy with its HTML, text and inline image", async () => {
    const { data } = await adminApi.get("/admin/emails?status=outbox")
    expect(data.count).toBe(1)
    const { data: { email } } = await adminApi.get(`/admin/emails/${data.emails[0].id}`)
    expect(email).toMatchObject({ template: "delivery-check", to: "asha.k@example.in", status: "outbox", provider_id: "outbox", subject: "Delivery check from the shop" })
    expect(email.html).toContain("cid:delivery-check-qr")
    expect(email.text).toContain("E-mail delivery works.")
    const [qr] = email.attachments
    expect(qr).toMatchObject({ filename: "delivery-check.png", content_type: "image/png", disposition: "inline", id: "delivery-check-qr" })
    expect(Buffer.from(qr.content, "base64").subarray(1, 4).toString()).toBe("PNG")
  })

  it("staff see the outbox message and the refused one in the list, and open the preview", async () => {
    await page.goto(`${app.url}/app/login`)
    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL("**/app/orders", { timeout: 60_000 })

    await page.locator("nav").getByRole("link", { name: "E-mails" }).click()
    const list = page.getByTestId("emails-page")
    await list.waitFor({ timeout: 60_000 })
    await page.getByTestId("email-row").nth(1).waitFor({ timeout: 30_000 })
    const rows = await page.getByTestId("email-row").allInnerTexts()
    expect(rows).toHaveLength(2)
    const failedRow = rows.find((r) => r.includes("ravi@example.in"))!
    expect(failedRow).toMatch(/delivery-check[\s\S]*Failed[\s\S]*AccountSuspendedException: Sending is paused for this account\./)
    expect(rows.find((r) => r.includes("asha.k@example.in"))).toMatch(/Delivery check from the shop[\s\S]*In outbox/)

    // The status filter narrows the list to the refused message.
    await page.getByTestId("emails-filter-status").selectOption("failed")
    await page.getByTestId("emails-filter-apply").click()
    await page.getByTestId("emails-count").filter({ hasText: "1 e-mails" }).waitFor({ timeout: 30_000 })
    expect(await page.getByTestId("email-row").innerText()).toContain("ravi@example.in")
    await page.screenshot({ path: path.join(ARTIFACTS, "admin-emails-failed.png"), fullPage: true })

    await page.getByTestId("emails-filter-status").selectOption("")
    await page.getByTestId("emails-filter-apply").click()
    await page.getByTestId("emails-count").filter({ hasText: "2 e-mails" }).waitFor({ timeout: 30_000 })
    await page.screenshot({ path: path.join(ARTIFACTS, "admin-emails-list.png"), fullPage: true })

    await page.getByTestId("email-row").filter({ hasText: "asha.k@example.in" }).click()
    await page.getByTestId("email-detail").waitFor({ timeout: 30_000 })
    expect(await page.getByTestId("email-subject").innerText()).toBe("Delivery check from the shop")
    expect(await page.getByTestId("email-text").innerText()).toContain("E-mail delivery works.")
    expect(await page.getByTestId("email-attachment").innerText()).toMatch(/delivery-check\.png[\s\S]*image\/png[\s\S]*inline \(cid:delivery-check-qr\)/)

    // The preview: a sandboxed iframe (no scripts) showing the HTML with the inline QR image.
    const iframe = page.getByTestId("email-preview")
    expect(await iframe.getAttribute("sandbox")).toBe("")
    const srcdoc = (await iframe.getAttribute("srcdoc"))!
    expect(srcdoc).toContain("script-src 'none'")
    expect(srcdoc).not.toContain("cid:")
    const frame = page.frameLocator('[data-testid="email-preview"]')
    await frame.getByText("E-mail delivery works").waitFor({ timeout: 30_000 })
    await frame.locator("img").waitFor({ timeout: 30_000 })
    // The inline QR really renders: read it back from a screenshot of the preview.
    const shot = `data:image/png;base64,${(await iframe.screenshot()).toString("base64")}`
    expect(decodePngDataUrl(shot)).toMatch(/^delivery-check \d{4}-\d\d-\d\dT/)
    await page.screenshot({ path: path.join(ARTIFACTS, "admin-email-preview.png"), fullPage: true })

    // The refused message's page shows the reason.
    await page.goto(`${app.url}/app/emails`)
    await page.getByTestId("email-row").filter({ hasText: "ravi@example.in" }).click()
    await page.getByTestId("email-failure").waitFor({ timeout: 30_000 })
    expect(await page.getByTestId("email-failure").innerText()).toBe("AccountSuspendedException (permanent): Sending is paused for this account.")
    expect(await page.getByTestId("email-no-copy").count()).toBe(1)
  }, 300_000)
})
