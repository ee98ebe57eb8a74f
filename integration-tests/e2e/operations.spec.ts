import fs from "fs"
import path from "path"
import { execSync, spawn, type ChildProcess } from "child_process"
import axios from "axios"
import Redis from "ioredis"
import { chromium, type Browser } from "playwright-core"
import { ADMIN, ROOT, baseEnv, dropDatabase, freePort, prepareDatabase, startMedusa, waitFor, type RunningMedusa } from "./support/app"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureAdminBuild } = require("../../scripts/lib/admin-build")

const DB = `e2e_ops_${process.pid}`
const ARTIFACTS = path.join(ROOT, "test-artifacts")
const METRICS_TOKEN = "e2e-metrics-token"

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  for (const cmd of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      return execSync(`command -v ${cmd}`).toString().trim()
    } catch {}
  }
  throw new Error("Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)")
}

/** A redis-server of our own on a spare port, so the test can take it away and bring it back. */
class OwnRedis {
  child?: ChildProcess
  constructor(readonly port: number) {}
  get url() {
    return `redis://127.0.0.1:${this.port}/0`
  }
  async start() {
    this.child = spawn("redis-server", ["--port", String(this.port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"], {
      stdio: "ignore",
    })
    const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
    await waitFor(() => probe.connect().then(() => probe.ping()).catch(() => false), 15_000, "redis-server to start")
    probe.disconnect()
  }
  async stop() {
    const child = this.child
    if (!child || child.exitCode !== null) return
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve())
      child.kill("SIGTERM")
    })
  }
}

describe("operations across real processes: shared rate budget, readiness, logs, audit page", () => {
  let redis: OwnRedis
  let a: RunningMedusa
  let b: RunningMedusa
  let browser: Browser | undefined
  let productId: string
  let metricsPortB: number

  beforeAll(async () => {
    redis = new OwnRedis(await freePort())
    await redis.start()
    const [portA, portB] = [await freePort(), await freePort()]
    const prepared = await prepareDatabase(DB, portA, { REDIS_URL: redis.url })
    const env = baseEnv({
      ...(prepared.env as Record<string, string>),
      REDIS_URL: redis.url,
      METRICS_TOKEN,
      RATE_LIMIT_AUTH: "4/1m",
      LOG_LEVEL: "http",
    })
    await ensureAdminBuild(env, (m: string) => console.log(m))
    metricsPortB = await freePort()
    ;[a, b] = await Promise.all([
      startMedusa(env, portA),
      startMedusa({ ...env, ADMIN_DISABLED: "true", METRICS_PORT: String(metricsPortB) }, portB),
    ])
    const { data } = await axios.post(`${a.url}/auth/user/emailpass`, ADMIN)
    const products = await axios.get(`${a.url}/admin/products?limit=1&fields=id`, { headers: { authorization: `Bearer ${data.token}` } })
    productId = products.data.products[0].id
  }, 900_000)

  afterAll(async () => {
    await browser?.close()
    await Promise.all([a?.stop(), b?.stop()])
    await redis?.stop()
    await dropDatabase(DB).catch(() => {})
  })

  it("two app instances on one Redis share the login budget: 429 with Retry-After", async () => {
    const attempt = (app: RunningMedusa, n: number) =>
      axios
        .post(
          `${app.url}/auth/user/emailpass`,
          { email: `attacker${n}@example.in`, password: "guess-" + n },
          { headers: { "x-forwarded-for": "192.0.2.77", "x-request-id": `e2e-login-${n}` }, validateStatus: () => true }
        )
    const statuses: number[] = []
    for (const [i, app] of [a, b, a, b].entries()) statuses.push((await attempt(app, i)).status)
    expect(statuses).toEqual([401, 401, 401, 401])
    const blockedOnA = await attempt(a, 4)
    const blockedOnB = await attempt(b, 5)
    for (const blocked of [blockedOnA, blockedOnB]) {
      expect(blocked.status).toBe(429)
      expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0)
      expect(blocked.headers["ratelimit-limit"]).toBe("4")
      expect(blocked.headers["ratelimit-remaining"]).toBe("0")
    }
    const metrics = await axios.get(`${b.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    expect(metrics.data).toMatch(/^rate_limit_rejections_total\{class="auth",key="ip"\} 1$/m)
    // The internal metrics port (how worker-mode processes are scraped) serves the same registry, same token rule.
    const internal = `http://127.0.0.1:${metricsPortB}/metrics`
    expect((await axios.get(internal, { validateStatus: () => true })).status).toBe(401)
    const viaPort = await axios.get(internal, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    expect(viaPort.data).toMatch(/^rate_limit_rejections_total\{class="auth",key="ip"\} 1$/m)
    // Queue depth and failed jobs of the event bus and workflow queues, sampled from Redis on scrape.
    for (const queue of ["event-bus", "workflows", "scheduled-jobs"]) {
      for (const state of ["waiting", "failed"]) {
        expect(metrics.data).toMatch(new RegExp(`^queue_jobs\\{queue="${queue}",state="${state}"\\} \\d+$`, "m"))
      }
    }
  })

  it("writes JSON log lines with the request id and never the tried e-mail or password", async () => {
    const out = a.output()
    const lines = out.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l))
    const ofLogin = lines.filter((l) => l.request_id === "e2e-login-0")
    expect(ofLogin.length).toBeGreaterThanOrEqual(2) // Medusa's "Invalid email or password" and the access line
    expect(ofLogin.some((l) => l.message === "Invalid email or password")).toBe(true)
    expect(ofLogin.some((l) => l.status === 401 && l.path === "/auth/user/emailpass")).toBe(true)
    for (const secret of ["attacker0@example.in", "guess-0", "guess-2", ADMIN.password]) expect(out).not.toContain(secret)
  })

  it("a staff product update writes an audit row that the API returns and the admin page shows", async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"],
    })
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(`${a.url}/app/login`)
    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL("**/app/orders", { timeout: 60_000 })

    // The staff member's own session makes the change.
    const update = await page.request.post(`${a.url}/admin/products/${productId}`, {
      data: { subtitle: "Edited in the audit e2e" },
      headers: { "x-request-id": "e2e-audit-edit" },
    })
    expect(update.status()).toBe(200)
    const api = await waitFor(async () => {
      const res = await page.request.get(`${a.url}/admin/audit-logs?entity_id=${productId}`)
      const body = await res.json()
      return body.count > 0 && body
    }, 20_000, "the audit row")
    expect(api.audit_logs[0]).toMatchObject({
      method: "POST",
      route: "/admin/products/:id",
      entity_id: productId,
      outcome: "success",
      request_id: "e2e-audit-edit",
      body: { subtitle: "Edited in the audit e2e" },
    })

    await page.locator("nav").getByRole("link", { name: "Audit log" }).click()
    await page.waitForURL("**/app/audit-log")
    await page.getByTestId("audit-filter-entity").fill(productId)
    await page.getByTestId("audit-filter-apply").click()
    const row = page.getByTestId("audit-log-row").filter({ hasText: "e2e-audit-edit" })
    await row.waitFor({ timeout: 30_000 })
    expect(await page.getByTestId("audit-log-row").count()).toBe(1)
    const text = await row.innerText()
    expect(text).toContain("POST /admin/products/:id")
    expect(text).toContain(productId)
    expect(text).toContain("200 success")
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: path.join(ARTIFACTS, "admin-audit-log.png"), fullPage: true })
  }, 180_000)

  it("readiness turns 503 when Redis goes away and 200 when it returns; /health stays up", async () => {
    const ready = () => axios.get(`${a.url}/health/ready`, { validateStatus: () => true })
    const up = await ready()
    expect(up.status).toBe(200)
    expect(up.data.checks.redis).toMatchObject({ status: "up", required: true })
    expect(up.data.event_bus.mode).toBe("redis")
    expect(up.data.event_bus.queues["event-bus"]).toEqual(expect.objectContaining({ waiting: expect.any(Number), failed: expect.any(Number) }))

    await redis.stop()
    const down = await waitFor(async () => {
      const res = await ready()
      return res.status === 503 && res
    }, 30_000, "readiness to report Redis down")
    expect(down.data.status).toBe("not_ready")
    expect(down.data.checks.redis.status).toBe("down")
    expect(down.data.checks.postgres.status).toBe("up")
    expect((await axios.get(`${a.url}/health`)).status).toBe(200)

    await redis.start()
    const back = await waitFor(async () => {
      const res = await ready()
      return res.status === 200 && res
    }, 60_000, "readiness to recover with Redis")
    expect(back.data.checks.redis.status).toBe("up")
  }, 120_000)
})
