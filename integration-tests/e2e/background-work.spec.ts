import fs from "fs"
import path from "path"
import { spawn, type ChildProcess } from "child_process"
import axios from "axios"
import { Client } from "pg"
import { chromium, type Browser, type Page } from "playwright-core"
import { ADMIN, ROOT, dropDatabase, freePort, prepareDatabase, startMedusa, waitFor, type RunningMedusa } from "./support/app"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureAdminBuild } = require("../../scripts/lib/admin-build")

const DB = `e2e_background_work_${process.pid}`
const ARTIFACTS = path.join(ROOT, "test-artifacts")
const JOB = "recommendations-refresh"
const TICK_MS = 4000

/** A throwaway redis-server of our own (the shared one has only 16 databases, all assigned). */
async function startRedis(port: number) {
  const child = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no"], { stdio: "ignore" })
  await waitFor(async () => {
    try {
      const { default: Redis } = await import("ioredis")
      const r = new Redis(port, { lazyConnect: true, maxRetriesPerRequest: 0 })
      await r.connect()
      await r.ping()
      r.disconnect()
      return true
    } catch {
      return false
    }
  }, 20_000, "redis-server")
  return child
}

const runLines = (app: RunningMedusa) => app.output().split("\n").filter((l) => l.includes(`job ${JOB}:`))
/** One entry per run: the tick BullMQ scheduled (its job timestamp) and when the run started. */
const runs = (app: RunningMedusa) =>
  runLines(app).map((l) => /scheduled ([0-9T:.\-Z]+), started ([0-9T:.\-Z]+)/.exec(l)).filter(Boolean).map((m) => ({ tick: m![1], started: Date.parse(m![2]) }))

describe("background work across two worker processes, seen in the queue monitor", () => {
  let redis: ChildProcess
  let shared: RunningMedusa
  let worker: RunningMedusa
  let browser: Browser
  let page: Page
  let db: Client
  let auth: { headers: { authorization: string } }

  beforeAll(async () => {
    const redisPort = await freePort()
    redis = await startRedis(redisPort)
    const REDIS_URL = `redis://127.0.0.1:${redisPort}/0`
    const port = await freePort()
    const { env } = await prepareDatabase(DB, port, { REDIS_URL })
    const jobEnv = {
      ...env, REDIS_URL,
      RECOMMENDATIONS_CRON: `*/${TICK_MS / 1000} * * * * *`,
      JOB_RETRY_ATTEMPTS: "2", JOB_RETRY_BASE_DELAY_MS: "200",
    }
    await ensureAdminBuild(jobEnv, (m: string) => console.log(m))
    // Two processes that both run scheduled jobs: "shared" (also serves HTTP and the admin) and "worker".
    ;[shared, worker] = await Promise.all([
      startMedusa({ ...jobEnv, MEDUSA_WORKER_MODE: "shared" }, port),
      startMedusa({ ...jobEnv, MEDUSA_WORKER_MODE: "worker", ADMIN_DISABLED: "true" }, await freePort()),
    ])
    db = new Client({ connectionString: env.DATABASE_URL })
    await db.connect()
    const { data: { token } } = await axios.post(`${shared.url}/auth/user/emailpass`, ADMIN)
    auth = { headers: { authorization: `Bearer ${token}` } }
    fs.mkdirSync(ARTIFACTS, { recursive: true })
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await db?.query(`alter table if exists product_recommendation_gone rename to product_recommendation`).catch(() => {})
    await db?.end()
    await Promise.all([shared?.stop(), worker?.stop()])
    redis?.kill("SIGTERM")
    await dropDatabase(DB).catch(() => {})
  })

  const board = async (status: string) =>
    (await axios.get(`${shared.url}/admin/queues/api/queues?activeQueue=medusa-workflows-jobs&status=${status}&page=1`, auth))
      .data.queues.find((q: { name: string }) => q.name === "medusa-workflows-jobs")

  it("each tick of a scheduled job runs once, though two processes run jobs", async () => {
    await waitFor(async () => runs(shared).length + runs(worker).length >= 6, 120_000, "six ticks")
    const all = [...runs(shared), ...runs(worker)]
    console.log(`runs: shared process ${runs(shared).length}, worker process ${runs(worker).length}`)
    // No tick ran twice: every run has its own scheduled time, and no two runs started together.
    expect(new Set(all.map((r) => r.tick)).size).toBe(all.length)
    const starts = all.map((r) => r.started).sort((a, b) => a - b)
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThan(TICK_MS / 2)
    const q = await board("completed")
    expect(q.counts.completed).toBeGreaterThanOrEqual(all.length - 1)
  }, 180_000)

  it("a failing job is retried, then shown as failed in the queue monitor, and succeeds after a retry there", async () => {
    // Break what the job needs: its own table goes missing.
    await db.query(`alter table product_recommendation rename to product_recommendation_gone`)
    await waitFor(async () => (await board("failed")).counts.failed >= 1, 60_000, "a failed run")
    const all = shared.output() + worker.output()
    expect(all).toMatch(/job recommendations-refresh: attempt 1 failed .*retrying in 200 ms/)
    expect(all).toMatch(/"source_name":"recommendations-refresh"/)

    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] })
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(`${shared.url}/app/login`)
    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL("**/app/orders", { timeout: 60_000 })
    // Reached from the admin sidebar.
    await page.getByRole("link", { name: "Queues" }).first().click()
    await page.waitForURL("**/app/queues")
    const failed = (await board("failed")).jobs[0]
    expect(failed.failedReason).toMatch(/product_recommendation" does not exist/)
    const frame = page.frameLocator('iframe[title="Queue monitor"]')
    try {
      await frame.getByRole("link", { name: /medusa-workflows-jobs/ }).first().click()
      await frame.locator('a[href*="status=failed"]').first().click()
      await frame.getByText(/repeat:schedule_job-recommendations-refresh/).first().waitFor({ timeout: 30_000 })
      // bull-board can re-render the job card after the first click (new failed runs keep arriving
      // every tick), leaving the Data tab selected: click Error until the error text shows.
      const errorText = frame.getByText(/product_recommendation" does not exist/).first()
      for (let attempt = 1; ; attempt++) {
        await frame.getByRole("button", { name: "Error", exact: true }).first().click()
        const shown = await errorText.waitFor({ timeout: 5_000 }).then(() => true, () => false)
        if (shown) break
        if (attempt === 6) throw new Error("the failed job's error never showed in the queue monitor")
      }
    } catch (e) {
      await page.screenshot({ path: path.join(ARTIFACTS, "queue-monitor-debug.png"), fullPage: true })
      await db.query(`alter table if exists product_recommendation_gone rename to product_recommendation`).catch(() => {})
      throw e
    }
    await page.screenshot({ path: path.join(ARTIFACTS, "queue-monitor-failed-job.png"), fullPage: true })

    await db.query(`alter table product_recommendation_gone rename to product_recommendation`)
    await new Promise((r) => setTimeout(r, TICK_MS + 1500)) // let a run that started before the repair finish
    const failedIds: string[] = (await board("failed")).jobs.map((j: { id: string }) => j.id)
    await frame.getByRole("button", { name: /retry all/i }).first().click()
    const confirm = frame.getByRole("button", { name: /confirm/i })
    if (await confirm.isVisible({ timeout: 2000 }).catch(() => false)) await confirm.click()

    await waitFor(async () => (await board("failed")).counts.failed === 0, 60_000, "the failed run to be retried")
    const completed: string[] = (await board("completed")).jobs.map((j: { id: string }) => j.id)
    expect(failedIds.some((id) => completed.includes(id))).toBe(true)
    await page.screenshot({ path: path.join(ARTIFACTS, "queue-monitor-after-retry.png"), fullPage: true })
  }, 240_000)

  it("the queue monitor lists every queue and refuses callers without admin auth", async () => {
    const { data } = await axios.get(`${shared.url}/admin/queues/api/queues`, auth)
    expect(data.queues.map((q: { name: string }) => q.name).sort()).toEqual(["events-queue", "medusa-workflows", "medusa-workflows-jobs", "workflows-cleaner"])
    const anon = await axios.get(`${shared.url}/admin/queues/api/queues`).catch((e) => e.response)
    expect(anon.status).toBe(401)
  })

  it("the admin product page shows the recommendations widget, and staff curate complementary products there", async () => {
    const { data: { products } } = await axios.get(`${shared.url}/admin/products?limit=2&fields=id,title&order=title`, auth)
    const [product, partner] = products
    await page.goto(`${shared.url}/app/products/${product.id}`)
    await page.getByText("Frequently bought together").waitFor({ timeout: 60_000 })
    await page.getByText("None curated.").waitFor({ timeout: 30_000 }) // the widget's lists have loaded
    // The widget refetches its lists right after they first load and resets the input then; type
    // and save again until the curated link shows (a few tries at most).
    const link = page.getByRole("link", { name: partner.title }).first()
    for (let attempt = 1; attempt <= 4; attempt++) {
      await page.getByLabel("Complementary product ids").fill(partner.id)
      await page.getByRole("button", { name: "Save" }).click()
      if (await link.waitFor({ timeout: 8_000 }).then(() => true, () => false)) break
    }
    await link.waitFor({ timeout: 5_000 }).catch(async (e) => {
      await page.screenshot({ path: path.join(ARTIFACTS, "admin-product-recommendations-debug.png"), fullPage: true })
      console.log(shared.output().split("\n").filter((l) => /"level":"error"|failed/i.test(l)).slice(-10).join("\n"))
      throw e
    })
    await page.screenshot({ path: path.join(ARTIFACTS, "admin-product-recommendations.png"), fullPage: true })
    const { data } = await axios.get(`${shared.url}/admin/products/${product.id}/recommendations`, auth)
    expect(data.complementary.map((p: { id: string }) => p.id)).toEqual([partner.id])
  }, 120_000)
})
