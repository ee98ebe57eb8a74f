import fs from "fs"
import path from "path"
import { chromium, type Browser, type Page } from "playwright-core"
import { Client } from "pg"
import { ADMIN, ROOT, dropDatabase, freePort, prepareDatabase, startMedusa, waitFor, type RunningMedusa } from "./support/app"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureAdminBuild } = require("../../scripts/lib/admin-build")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { medusa } = require("../../scripts/lib/run")

const DB = `e2e_search_palette_${process.pid}`
const ARTIFACTS = path.join(ROOT, "test-artifacts")

/** The admin command palette (Ctrl+K) answered by our product index on search-postgres. */
describe("admin command palette finds products through the search index", () => {
  let app: RunningMedusa
  let browser: Browser
  let page: Page
  let env: NodeJS.ProcessEnv
  let publishableKey: string
  let productCount: number
  const storeSearch = async (body: object) => {
    const res = await fetch(`${app.url}/store/search`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-publishable-api-key": publishableKey },
      body: JSON.stringify({ entity: "product", ...body }),
    })
    return { status: res.status, result: res.ok ? (await res.json()).results[0] : await res.text() }
  }

  beforeAll(async () => {
    const port = await freePort()
    const prepared = await prepareDatabase(DB, port)
    env = prepared.env
    publishableKey = prepared.summary.publishable_key
    productCount = prepared.summary.product_count
    await ensureAdminBuild(env, (m: string) => console.log(m))
    app = await startMedusa(env, port)
    // The index is filled by the boot seed, in the background: wait until it answers.
    await waitFor(async () => {
      const { status, result } = await storeSearch({ pagination: { take: 0 } })
      return status === 200 && result.metadata.count === productCount
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

  it("`npm run search:reindex` swaps in a new index version while the running shop keeps answering", async () => {
    const activeVersion = async () => {
      const pg = new Client({ connectionString: env.DATABASE_URL })
      await pg.connect()
      try {
        return (await pg.query("select active_version from search_index where name = 'product'")).rows[0].active_version as number
      } finally {
        await pg.end()
      }
    }
    const before = await activeVersion()
    const counts: number[] = []
    let done = false
    const probing = (async () => {
      while (!done) {
        const { status, result } = await storeSearch({ filters: { q: "kurta" }, pagination: { take: 0 } })
        counts.push(status === 200 ? result.metadata.count : -status)
        await new Promise((r) => setTimeout(r, 100))
      }
    })()
    const { output } = await medusa(["exec", "./src/scripts/search-reindex.ts", "product"], { env })
    done = true
    await probing
    expect(output).toMatch(/search:reindex product done/)
    expect(await activeVersion()).toBe(before + 1)
    expect(counts.length).toBeGreaterThan(0)
    expect(new Set(counts).size).toBe(1)
    expect(counts[0]).toBeGreaterThan(0)
    const { result } = await storeSearch({ pagination: { take: 0 } })
    expect(result.metadata.count).toBe(productCount)
  }, 300_000)

  it("staff rebuild the index from Settings → Search indexes, and search keeps answering", async () => {
    const version = async () => {
      const pg = new Client({ connectionString: env.DATABASE_URL })
      await pg.connect()
      try {
        return (await pg.query("select active_version from search_index where name = 'product'")).rows[0].active_version as number
      } finally {
        await pg.end()
      }
    }
    const before = await version()
    await page.goto(`${app.url}/app/settings/search`)
    await page.getByText("search-postgres").first().waitFor({ timeout: 60_000 })
    await page.getByRole("button", { name: "Reindex" }).first().click()
    const modal = page.getByRole("dialog")
    await modal.getByText("Reindex product?").waitFor({ timeout: 30_000 })
    await page.screenshot({ path: path.join(ARTIFACTS, "admin-search-indexes-reindex.png") })
    await modal.getByRole("button", { name: "Reindex" }).click()
    await page.getByText("Reindexing product started").waitFor({ timeout: 30_000 })

    const counts: number[] = []
    const swapped = await waitFor(async () => {
      const { status, result } = await storeSearch({ pagination: { take: 0 } })
      counts.push(status === 200 ? result.metadata.count : -status)
      return (await version()) > before
    }, 120_000, "the rebuilt version to be swapped in")
    expect(swapped).toBe(true)
    expect(new Set(counts)).toEqual(new Set([productCount]))
  }, 300_000)
})

