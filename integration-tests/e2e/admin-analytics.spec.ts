import axios from "axios"
import fs from "fs"
import path from "path"
import { execSync } from "child_process"
import { Client } from "pg"
import { chromium, type Browser, type Page } from "playwright-core"
import { ADMIN, ROOT, dropDatabase, freePort, prepareDatabase, startMedusa, waitFor, type RunningMedusa } from "./support/app"
import { findVariant, guestCheckout, headers } from "../helpers/store"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureAdminBuild } = require("../../scripts/lib/admin-build")

const DB = `e2e_analytics_${process.pid}`
const ARTIFACTS = path.join(ROOT, "test-artifacts")
const PG_BASE = process.env.E2E_PG_URL || "postgres://postgres@localhost:5432"
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  for (const cmd of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      return execSync(`command -v ${cmd}`).toString().trim()
    } catch {}
  }
  throw new Error("Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)")
}

/**
 * The admin Analytics page on the embedded default store (PostgreSQL): two real storefront
 * checkouts today, plus order and search events from earlier days written straight into the
 * event table (as the tracker would have stored them), rendered as charts in Chromium.
 */
describe("admin Analytics page in Chromium", () => {
  let app: RunningMedusa
  let browser: Browser
  let page: Page
  let pg: Client
  let tee: { product: { id: string; title: string } }

  beforeAll(async () => {
    const port = await freePort()
    const { env, summary } = await prepareDatabase(DB, port, { ELASTICSEARCH_URL: "", ANALYTICS_API_SAMPLE_RATE: "1" })
    await ensureAdminBuild(env, (m: string) => console.log(m))
    app = await startMedusa(env, port)
    const api = axios.create({ baseURL: app.url })
    const { data: { regions } } = await api.get("/store/regions", headers(summary.publishable_key))
    const india = regions.find((r: { name: string }) => r.name === "India")
    tee = await findVariant(api, summary.publishable_key, "organic-crew-tee", india.id)
    const mug = await findVariant(api, summary.publishable_key, "stoneware-mug", india.id)
    for (const items of [[{ variant_id: (tee as any).variant.id, quantity: 2 }], [{ variant_id: mug.variant.id, quantity: 1 }]]) {
      await guestCheckout(api, summary.publishable_key, { regionId: india.id, items, shippingOptionName: "Standard Delivery" })
    }
    pg = new Client({ connectionString: `${PG_BASE}/${DB}` })
    await pg.connect()
    await waitFor(
      async () => Number((await pg.query("SELECT count(*) FROM analytics_event WHERE event = 'order.placed'").catch(() => ({ rows: [{ count: 0 }] }))).rows[0].count) >= 2,
      60_000,
      "order.placed events from the two checkouts"
    )
    const history = [
      ...[-6, -5, -3, -1].map((d, i) => ["order.placed", `${day(d)}T10:00:00Z`, { currency: "usd", region_id: "reg_us_hist", value_minor: 4500 + i * 1000, product_ids: [tee.product.id] }]),
      ...[-4, -2].map((d) => ["order.placed", `${day(d)}T12:00:00Z`, { currency: "inr", region_id: india.id, value_minor: 149900, product_ids: [mug.product.id] }]),
      ...["kurta", "kurta", "silk saree", "zzz-not-sold-here"].map((q, i) => ["search.performed", `${day(-1)}T09:0${i}:00Z`, { query: q, result_count: q.startsWith("zzz") ? 0 : 3, zero_results: q.startsWith("zzz") }]),
    ]
    for (const [i, [event, at, props]] of history.entries()) {
      await pg.query("INSERT INTO analytics_event (id, event, occurred_at, properties) VALUES ($1, $2, $3, $4)", [`hist_${i}`, event, at, props])
    }
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    })
    page = await browser.newPage({ viewport: { width: 1440, height: 1400 } })
    fs.mkdirSync(ARTIFACTS, { recursive: true })
  }, 900_000)

  afterAll(async () => {
    await browser?.close()
    await pg?.end()
    await app?.stop()
    await dropDatabase(DB).catch(() => {})
  })

  it("staff open Analytics from the sidebar and see revenue per currency, orders, AOV, products, searches and the funnel", async () => {
    await page.goto(`${app.url}/app/login`)
    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL("**/app/orders", { timeout: 60_000 })
    await page.locator("nav").getByRole("link", { name: "Analytics" }).click()
    await page.waitForURL("**/app/analytics")

    // 30 days, one column each, per currency; today's INR column carries the two real orders
    await page.getByTestId("revenue-chart-inr").waitFor({ timeout: 60_000 })
    const inrBars = page.getByTestId("revenue-chart-inr-bar")
    expect(await inrBars.count()).toBe(30)
    expect(await page.getByTestId("revenue-chart-usd-bar").count()).toBe(30)
    const today = inrBars.last()
    expect(Number(await today.getAttribute("height"))).toBeGreaterThan(10)
    expect(await today.locator("title").textContent()).toMatch(new RegExp(`^${day(0)}: ₹`))
    // INR: (2 × ₹799 + ₹99) + (₹499 + ₹99) today and 2 × ₹1,499 earlier = 4 orders, ₹5,293
    await expect_text(page.getByTestId("kpi-inr"), /4 orders/)
    await expect_text(page.getByTestId("kpi-usd"), /4 orders · AOV \$60\.00/)
    await expect_text(page.getByTestId("kpi-inr-revenue"), /₹5,293\.00/)
    expect(await page.getByTestId("orders-chart-bar").count()).toBe(30)

    await expect_text(page.getByTestId("top-products-chart"), new RegExp(tee.product.title))
    expect(await page.getByTestId("top-searches-chart-row").count()).toBe(3)
    await expect_text(page.getByTestId("zero-searches-chart"), /zzz-not-sold-here/)
    const funnel = await page.getByTestId("funnel-chart-row").allTextContents()
    expect(funnel[0]).toMatch(/Cart created.*2 · 100%/)
    expect(funnel[3]).toMatch(/Checkout completed.*2 · 100%/)
    await page.screenshot({ path: path.join(ARTIFACTS, "admin-analytics.png"), fullPage: true })
  }, 180_000)

  it("the date-range picker narrows the charts", async () => {
    await page.getByTestId("analytics-from").fill(day(-2))
    await page.getByTestId("analytics-to").fill(day(0))
    await page.getByTestId("analytics-apply").click()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="revenue-chart-inr-bar"]').length === 3)
    await expect_text(page.getByTestId("kpi-usd"), /^Revenue \(USD\)\$75\.001 order · AOV \$75\.00$/) // only yesterday's USD order is left
    expect(await page.getByTestId("zero-searches-chart-row").allTextContents()).toEqual([expect.stringMatching(/^zzz-not-sold-here.*1$/)])
    await page.screenshot({ path: path.join(ARTIFACTS, "admin-analytics-3-days.png"), fullPage: true })
  }, 60_000)
})

async function expect_text(locator: import("playwright-core").Locator, re: RegExp) {
  await locator.first().waitFor({ timeout: 30_000 })
  const deadline = Date.now() + 15_000
  let text = ""
  while (Date.now() < deadline) {
    text = (await locator.first().textContent()) ?? ""
    if (re.test(text)) return
    await new Promise((r) => setTimeout(r, 250))
  }
  expect(text).toMatch(re)
}
