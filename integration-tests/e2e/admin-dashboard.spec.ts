import fs from "fs"
import path from "path"
import { execSync } from "child_process"
import { chromium, type Browser, type Page } from "playwright-core"
import { ADMIN, ROOT, baseEnv, dropDatabase, freePort, prepareDatabase, startMedusa, type RunningMedusa } from "./support/app"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureAdminBuild } = require("../../scripts/lib/admin-build")

const DB = `e2e_admin_${process.pid}`
const ARTIFACTS = path.join(ROOT, "test-artifacts")

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  for (const cmd of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      return execSync(`command -v ${cmd}`).toString().trim()
    } catch {}
  }
  throw new Error("Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)")
}

describe("admin dashboard in Chromium", () => {
  let app: RunningMedusa
  let browser: Browser
  let page: Page
  let productCount: number
  const consoleErrors: string[] = []

  beforeAll(async () => {
    const port = await freePort()
    const { env, summary } = await prepareDatabase(DB, port)
    productCount = summary.product_count
    // The same cached build `npm start` serves at /app.
    await ensureAdminBuild(env, (m: string) => console.log(m))
    app = await startMedusa(env, port)
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    })
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()))
    fs.mkdirSync(ARTIFACTS, { recursive: true })
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await dropDatabase(DB).catch(() => {})
  })

  it("staff log in at /app and see the seeded products", async () => {
    await page.goto(`${app.url}/app/login`)
    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL("**/app/orders", { timeout: 60_000 })

    await page.goto(`${app.url}/app/products`)
    const rows = page.locator("table tbody tr")
    await rows.first().waitFor({ timeout: 60_000 })
    expect(await rows.count()).toBeGreaterThanOrEqual(10)
    await page.getByText("Organic Cotton Crew Tee").first().waitFor()
    await page.getByText(`of ${productCount} results`).waitFor()
    // Thumbnails are the seeded images, served by this backend at /static.
    const thumbnail = rows.first().locator("img").first()
    await thumbnail.evaluate(
      (img: HTMLImageElement) =>
        img.complete ? null : new Promise((resolve) => img.addEventListener("load", resolve, { once: true }))
    )
    expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
    expect(await thumbnail.getAttribute("src")).toMatch(new RegExp(`^${app.url}/static/demo/.+\\.svg$`))
    await page.screenshot({ path: path.join(ARTIFACTS, "admin-products.png"), fullPage: true })
  }, 120_000)

  it("a product page shows its variants with SKUs", async () => {
    await page.getByText("Organic Cotton Crew Tee").first().click()
    await page.waitForURL(/\/app\/products\/prod_/)
    await page.getByText("ORGANIC-CREW-TEE-S-WHITE").first().waitFor({ timeout: 30_000 })
    await page.screenshot({ path: path.join(ARTIFACTS, "admin-product-detail.png"), fullPage: true })
    // Offline flag icons from a CDN are the only console errors we tolerate.
    expect(consoleErrors.filter((e) => !/jsdelivr|ERR_NAME_NOT_RESOLVED|Failed to load resource/.test(e))).toEqual([])
  }, 60_000)
})
