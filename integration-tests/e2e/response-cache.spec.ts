import { execSync, spawn, type ChildProcess } from "child_process"
import fs from "fs"
import path from "path"
import axios, { type AxiosInstance } from "axios"
import Redis from "ioredis"
import { chromium } from "playwright-core"
import { ADMIN, ROOT, baseEnv, dropDatabase, freePort, prepareDatabase, startMedusa, waitFor, type RunningMedusa } from "./support/app"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureAdminBuild } = require("../../scripts/lib/admin-build")

/**
 * The response cache across real processes: a server-mode process takes the admin write and
 * the store reads, a worker-mode process handles the events, both on one Redis. That Redis is
 * a private redis-server started here, so the suite can stop it mid-test.
 */
const DB = `e2e_response_cache_${process.pid}`
const REDIS_BIN = process.env.REDIS_SERVER_BIN || "redis-server"
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

function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(REDIS_BIN, ["--port", String(port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
  })
  return new Promise((resolve, reject) => {
    let out = ""
    child.stdout!.on("data", (d) => {
      out += d
      if (/Ready to accept connections/.test(out)) resolve(child)
    })
    child.on("exit", (code) => reject(new Error(`redis-server exited (${code}): ${out}`)))
  })
}

const stopRedis = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once("exit", () => resolve())
    child.kill("SIGKILL")
  })

describe("response cache across a server and a worker process on one Redis", () => {
  let redis: ChildProcess
  let redisPort: number
  let server: RunningMedusa
  let worker: RunningMedusa
  let api: AxiosInstance
  let key: string

  beforeAll(async () => {
    redisPort = await freePort()
    redis = await startRedis(redisPort)
    const REDIS_URL = `redis://127.0.0.1:${redisPort}`
    const serverPort = await freePort()
    const prepared = await prepareDatabase(DB, serverPort, { REDIS_URL })
    // The recommended production setup: Medusa's caching module on too (it makes the
    // publishable-key check of every hit free), so both caches must stay consistent.
    const env = baseEnv({
      ...(prepared.env as Record<string, string>), REDIS_URL, LOG_LEVEL: "warn", MEDUSA_FF_CACHING: "true",
    })
    // The server also serves the admin (Settings > Store cache); the worker never does.
    await ensureAdminBuild(env, (m: string) => console.log(m))
    key = prepared.summary.publishable_key
    ;[server, worker] = await Promise.all([
      startMedusa({ ...env, MEDUSA_WORKER_MODE: "server" }, serverPort),
      startMedusa({ ...env, MEDUSA_WORKER_MODE: "worker" }, await freePort()),
    ])
    api = axios.create({ baseURL: server.url, validateStatus: () => true })
  }, 400_000)

  afterAll(async () => {
    await Promise.all([server?.stop(), worker?.stop()])
    if (redis) await stopRedis(redis)
    await dropDatabase(DB).catch(() => {})
  })

  const store = (path: string) => api.get(path, { headers: { "x-publishable-api-key": key } })

  it("an admin price change made on the server is invalidated by the worker; the stale window is measured", async () => {
    const { data: { token } } = await api.post("/auth/user/emailpass", ADMIN)
    const admin = { headers: { authorization: `Bearer ${token}` } }
    const { data: { regions } } = await store("/store/regions")
    const india = regions.find((r: { name: string }) => r.name === "India")
    const { data: { products: [mug] } } = await api.get("/admin/products?handle=stoneware-mug&fields=id,*variants,*variants.prices", admin)
    const variant = mug.variants[0]
    const path = `/store/products/${mug.id}?region_id=${india.id}&fields=id,*variants.calculated_price`
    const priceOf = (res: any) => res.data.product.variants.find((v: any) => v.id === variant.id).calculated_price.calculated_amount

    // The seed left thousands of events for the worker; measure once it has drained them.
    const redisClient = new Redis(`redis://127.0.0.1:${redisPort}`)
    const queued = async () => {
      const q = "bull:events-queue"
      const [wait, active, prioritized, delayed] = await Promise.all([
        redisClient.llen(`${q}:wait`), redisClient.llen(`${q}:active`), redisClient.zcard(`${q}:prioritized`), redisClient.zcard(`${q}:delayed`),
      ])
      return wait + active + prioritized + delayed
    }
    await waitFor(async () => (await queued()) === 0, 240_000, "the worker to drain the seed's events")
    redisClient.disconnect()

    const windows: number[] = []
    for (let round = 1; round <= 5; round++) {
      // Warm.
      const before = await waitFor(async () => {
        const res = await store(path)
        return res.headers["x-cache"] === "HIT" ? res : undefined
      }, 30_000, "a cached read")
      const newAmount = priceOf(before) + 7 * round
      const prices = variant.prices.map((p: any) => ({ id: p.id, currency_code: p.currency_code, amount: p.currency_code === "inr" ? newAmount : p.amount }))
      const written = await api.post(`/admin/products/${mug.id}/variants/${variant.id}`, { prices }, admin)
      expect(written.status).toBe(200)
      const t0 = Date.now()
      const fresh = await waitFor(async () => {
        const res = await store(path)
        return priceOf(res) === newAmount ? res : undefined
      }, 30_000, "the worker to invalidate the cached price")
      windows.push(Date.now() - t0)
      expect(fresh.headers["x-cache"]).toBe("MISS")
      // Once fresh, never stale again (no entry rebuilt from data read before the change).
      for (let i = 0; i < 6; i++) {
        await new Promise((r) => setTimeout(r, 250))
        expect(priceOf(await store(path))).toBe(newAmount)
      }
    }
    // The server process runs no subscribers; only the worker can have dropped the entry.
    expect(server.output()).not.toMatch(/response-cache: could not/)
    console.log(`stale window after an admin price update (server -> worker -> Redis), ms: ${windows.join(", ")}`)
    // The window is the worker's event-queue latency: ~100 ms on a quiet machine, seconds when the
    // machine is saturated (seen: 12.9 s with five test suites on two cores). The bound only
    // catches an invalidation that never comes through the event; the figures are printed above.
    expect(Math.max(...windows)).toBeLessThan(20_000)
  }, 360_000)

  it("keeps answering 200 while Redis is stopped, and caches again once it is back", async () => {
    const path = "/store/products?limit=10&fields=id,title"
    await waitFor(async () => (await store(path)).headers["x-cache"] === "HIT", 60_000, "a cached read")

    await stopRedis(redis)
    for (let i = 0; i < 5; i++) {
      const res = await store(path)
      expect(res.status).toBe(200)
      expect(res.data.products).toHaveLength(10)
      expect(res.headers["x-cache"]).toBe("BYPASS")
    }
    const detail = await store(`/store/regions`)
    expect(detail.status).toBe(200)

    redis = await startRedis(redisPort)
    await waitFor(async () => (await store(path)).headers["x-cache"] === "HIT", 30_000, "the cache to work again")
  }, 120_000)

  it("staff see the hit rate in the admin and purge the cache from there", async () => {
    const path_ = "/store/products?limit=4&fields=id"
    await store(path_)
    expect((await store(path_)).headers["x-cache"]).toBe("HIT")

    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    })
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      await page.goto(`${server.url}/app/login`)
      await page.locator('input[name="email"]').fill(ADMIN.email)
      await page.locator('input[name="password"]').fill(ADMIN.password)
      await page.locator('button[type="submit"]').click()
      await page.waitForURL("**/app/orders", { timeout: 60_000 })

      await page.goto(`${server.url}/app/settings/response-cache`)
      await page.getByTestId("response-cache-page").waitFor({ timeout: 60_000 })
      await page.waitForFunction(
        () => /^\d+(\.\d)? %$/.test(document.querySelector('[data-testid="response-cache-hit-rate"]')?.textContent ?? ""),
        undefined,
        { timeout: 30_000 }
      )
      expect(await page.getByTestId("response-cache-state").textContent()).toBe("on (redis)")
      fs.mkdirSync(ARTIFACTS, { recursive: true })
      await page.screenshot({ path: path.join(ARTIFACTS, "admin-store-cache.png"), fullPage: true })

      await page.getByTestId("response-cache-purge").click()
      await page.getByRole("button", { name: "Purge", exact: true }).click()
      await page.getByText(/Store cache purged \(\d+ answers dropped\)/).waitFor({ timeout: 30_000 })
    } finally {
      await browser.close()
    }
    expect((await store(path_)).headers["x-cache"]).toBe("MISS")
  }, 180_000)
})
