import fs from "fs"
import path from "path"
import { chromium, type Browser, type Page } from "playwright-core"
import { ADMIN, ROOT, dropDatabase, freePort, prepareDatabase, startMedusa, waitFor, type RunningMedusa } from "./support/app"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureAdminBuild } = require("../../scripts/lib/admin-build")

const DB = `e2e_search_palette_${process.pid}`
const ARTIFACTS = path.join(ROOT, "test-artifacts")

/** The admin command palette (Ctrl+K) answered by our product index on search-postgres. */
describe("admin command palette finds products through the search index", () => {
  let app: RunningMedusa
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    const port = await freePort()
    const { env, summary } = await prepareDatabase(DB, port)
    await ensureAdminBuild(env, (m: string) => console.log(m))
    app = await startMedusa(env, port)
    // The index is filled by the boot seed, in the background: wait until it answers.
    await waitFor(async () => {
      const res = await fetch(`${app.url}/store/search`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-publishable-api-key": summary.publishable_key },
        body: JSON.stringify({ entity: "product", pagination: { take: 0 } }),
      })
      return res.ok && (await res.json()).results[0].metadata.count === summary.product_count
    }, 120_000, "the product index to be seeded")
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

  async function paletteSearch(text: string) {
    const answered = page.waitForResponse((r) => {
      const url = new URL(r.url())
      return url.pathname.endsWith("/admin/search") && url.searchParams.get("q") === text
    })
    const input = page.getByRole("dialog").locator("input").first()
    await input.fill(text)
    const response = await answered
    expect(response.status()).toBe(200)
    return response.json()
  }

  it("finds Chikankari Kurta by a prefix of its title, and by words in any order with the last one unfinished", async () => {
    await page.goto(`${app.url}/app/login`)
    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL("**/app/orders", { timeout: 60_000 })

    // The shortcut listener is registered once the dashboard has rendered; retry until it is.
    await page.locator("nav").first().waitFor({ timeout: 60_000 })
    const dialog = page.getByRole("dialog")
    await waitFor(async () => {
      await page.keyboard.press("Control+k")
      return dialog.waitFor({ timeout: 2_000 }).then(() => true, () => false)
    }, 60_000, "the command palette to open")

    const prefix = await paletteSearch("Chikank")
    const products = prefix.results.find((r: any) => r.entity === "product")
    expect(products.data.map((p: any) => p.title)).toEqual(["Chikankari Kurta"])
    await page.getByRole("dialog").getByText("Chikankari Kurta").first().waitFor({ timeout: 30_000 })
    await page.screenshot({ path: path.join(ARTIFACTS, "admin-search-palette.png") })

    // A substring lookup could not answer this; the index's typeahead (match_strategy "last") can.
    const typeahead = await paletteSearch("kurta chik")
    expect(typeahead.results.find((r: any) => r.entity === "product").data.map((p: any) => p.title)).toEqual(["Chikankari Kurta"])
    await page.getByRole("dialog").getByText("Chikankari Kurta").first().waitFor({ timeout: 30_000 })

    // Choosing the hit opens the product.
    await page.getByRole("dialog").getByText("Chikankari Kurta").first().click()
    await page.waitForURL(/\/app\/products\/prod_/, { timeout: 30_000 })
  }, 180_000)
})
