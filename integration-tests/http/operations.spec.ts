import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Writable } from "stream"
import winston from "winston"
import { logger as medusaLogger } from "@medusajs/framework/logger"
import type { AxiosInstance } from "axios"
import { seedDemo, type SeedResult } from "../helpers/seed"
import { findVariant, guestCheckout, headers, INDIAN_ADDRESS, type StoreClient } from "../helpers/store"
import { ADMIN, adminAuth } from "../helpers/admin"
import { AUDIT_LOG_MODULE } from "../../src/modules/audit-log"
import { purgeAuditLog } from "../../src/jobs/audit-log-retention"
import instrumentedRetentionJob from "../../src/jobs/audit-log-retention"

jest.setTimeout(180 * 1000)

const METRICS_TOKEN = "test-metrics-token-7"
const bearer = { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }

/** The value of one sample line of the Prometheus text output, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`)
  const line = text
    .split("\n")
    .find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)))
  return line ? Number(line.split(" ").pop()) : 0
}

/** Captures what the app's own winston logger writes (after its formats: the exact JSON lines). */
function captureLogs() {
  const lines: string[] = []
  const stream = new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk).trim()), cb()) })
  const transport = new winston.transports.Stream({ stream })
  const instance = (medusaLogger as unknown as { loggerInstance_: winston.Logger }).loggerInstance_
  instance.add(transport)
  medusaLogger.setLogLevel("debug")
  return {
    lines,
    stop: () => {
      instance.remove(transport)
      medusaLogger.unsetLogLevel()
    },
  }
}

/** A store client that sends its own x-request-id on every call and remembers them. */
function tracedClient(api: AxiosInstance, prefix: string) {
  const ids: string[] = []
  const withId = (config: any = {}) => {
    const id = `${prefix}-${ids.length + 1}`
    ids.push(id)
    // Its own client IP, so its logins do not spend the suite's login budget.
    return { ...config, headers: { ...(config.headers ?? {}), "x-request-id": id, "x-forwarded-for": "198.51.100.50" } }
  }
  const client: StoreClient = {
    get: ((url: string, config?: any) => api.get(url, withId(config))) as StoreClient["get"],
    post: ((url: string, body?: any, config?: any) => api.post(url, body, withId(config))) as StoreClient["post"],
  }
  return { client, ids }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: { METRICS_TOKEN, RATE_LIMIT: "on", RATE_LIMIT_AUTH: "5/1m", RATE_LIMIT_ALLOW_IPS: "203.0.113.99" },
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult

    beforeAll(async () => {
      seed = await seedDemo(getContainer())
    })

    describe("readiness", () => {
      afterEach(() => delete process.env.ELASTICSEARCH_URL)

      it("answers 200 with the state and latency of each dependency, uptime and memory; /health stays liveness", async () => {
        expect((await api.get("/health")).data).toBe("OK")
        const { status, data } = await api.get("/health/ready")
        expect(status).toBe(200)
        expect(data.status).toBe("ready")
        expect(data.checks.postgres).toMatchObject({ status: "up", required: true })
        expect(data.checks.postgres.latency_ms).toBeGreaterThanOrEqual(0)
        expect(data.checks.redis.status).toBe("disabled") // no REDIS_URL in this suite
        expect(data.checks.elasticsearch.status).toBe("disabled")
        expect(data.event_bus).toEqual({ mode: "in-memory", queues: null })
        expect(data.uptime_s).toBeGreaterThanOrEqual(0)
        expect(data.memory.rss_bytes).toBeGreaterThan(10 * 1024 * 1024)
      })

      it("shows an unreachable Elasticsearch as degraded, still 200", async () => {
        process.env.ELASTICSEARCH_URL = "http://127.0.0.1:9" // discard port: connection refused
        const { status, data } = await api.get("/health/ready")
        expect(status).toBe(200)
        expect(data.status).toBe("degraded")
        expect(data.checks.elasticsearch).toMatchObject({ status: "degraded", required: false })
        expect(data.checks.elasticsearch.error).toBeTruthy()
      })
    })

    it("keeps /metrics private: 401 without the bearer token, 401 with a wrong one", async () => {
      expect((await api.get("/metrics").catch((e) => e.response)).status).toBe(401)
      const wrong = await api.get("/metrics", { headers: { authorization: "Bearer nope" } }).catch((e) => e.response)
      expect(wrong.status).toBe(401)
      expect(wrong.data.message).toMatch(/METRICS_TOKEN/)
    })

    it("moves HTTP counters and histograms after real requests, labelled by route template", async () => {
      const auth = await adminAuth(api, getContainer())
      const { data: list } = await api.get("/admin/products?limit=1", auth)
      const productId = list.products[0].id
      const before = (await api.get("/metrics", bearer)).data as string
      const labels = { method: "GET", route: "/admin/products/:id", status: "200" }
      const countBefore = sample(before, "http_request_duration_seconds_count", labels)

      await api.get(`/admin/products/${productId}`, auth)
      await api.get(`/admin/products/${productId}`, auth)
      await api.get("/store/products?limit=2", headers(seed.publishable_key))
      await api.get("/store/search?q=tee", headers(seed.publishable_key)).catch((e) => e.response)

      const res = await api.get("/metrics", bearer)
      expect(res.headers["content-type"]).toMatch(/text\/plain/)
      const text = res.data as string
      expect(sample(text, "http_request_duration_seconds_count", labels)).toBe(countBefore + 2)
      expect(sample(text, "http_request_duration_seconds_bucket", { ...labels, le: "+Inf" })).toBe(countBefore + 2)
      expect(sample(text, "http_request_duration_seconds_count", { route: "/store/products", status: "200" })).toBeGreaterThanOrEqual(1)
      expect(sample(text, "search_request_duration_seconds_count", { provider: "postgres" })).toBeGreaterThanOrEqual(1)
      // Templates only: no label carries a raw id.
      const httpLines = text.split("\n").filter((l) => l.startsWith("http_request_duration_seconds"))
      expect(httpLines.some((l) => l.includes(productId))).toBe(false)
      expect(text).toMatch(/^http_requests_in_flight \d+/m)
      expect(text).toMatch(/^process_cpu_user_seconds_total /m)
      expect(text).toMatch(/^nodejs_heap_size_used_bytes /m)
    })

    it("writes every log line of a request with its request id, and no password, token, e-mail or phone", async () => {
      const email = "asha.rao@example.in"
      const password = "Sup3r-secret-pass"
      const staffEmail = "priya.staff@example.in"
      const { client, ids } = tracedClient(api, "logtest")
      const staff = await adminAuth(api, getContainer())
      const capture = captureLogs()
      let token = ""
      try {
        ;({ data: { token } } = await client.post("/auth/customer/emailpass/register", { email, password }))
        const auth = { headers: { authorization: `Bearer ${token}`, ...headers(seed.publishable_key).headers } }
        await client.post("/store/customers", { email, first_name: "Asha", phone: INDIAN_ADDRESS.phone }, auth)
        const dup = await client.post("/auth/customer/emailpass/register", { email, password }).catch((e: any) => e.response)
        expect(dup.status).toBeGreaterThanOrEqual(400)
        // Inviting the same person twice fails, and Medusa logs the error message, which names the e-mail.
        await client.post("/admin/invites", { email: staffEmail }, staff)
        const dupInvite = await client.post("/admin/invites", { email: staffEmail }, staff).catch((e: any) => e.response)
        expect(dupInvite.status).toBeGreaterThanOrEqual(400)
        const bad = await client.post("/auth/user/emailpass", { email: ADMIN.email, password: "wrong-" + password }).catch((e: any) => e.response)
        expect(bad.status).toBe(401)
        const tee = await findVariant(client, seed.publishable_key, "organic-crew-tee", seed.region_ids.in)
        await guestCheckout(client, seed.publishable_key, {
          regionId: seed.region_ids.in,
          items: [{ variant_id: tee.variant.id, quantity: 1 }],
          shippingOptionName: "Standard Delivery",
        })
        await new Promise((r) => setTimeout(r, 500)) // subscribers of order.placed
      } finally {
        capture.stop()
      }
      const entries = capture.lines.map((l) => JSON.parse(l))
      expect(entries.length).toBeGreaterThan(3)
      expect(entries.filter((entry) => !ids.includes(entry.request_id))).toEqual([])
      // The payment subscriber ran inside the request that completed the cart.
      const subscriberLine = entries.find((e) => /payment authorized via pp_system_default/.test(e.message))
      expect(subscriberLine).toBeDefined()
      // Medusa logged the duplicate registration, and it reached the log masked.
      expect(entries.some((e) => /\[email\]/.test(JSON.stringify(e)))).toBe(true)
      const all = capture.lines.join("\n")
      for (const secret of [email, staffEmail, password, token, staff.headers.authorization.slice(7), "guest@example.com", "9800000000", "wrong-"]) {
        expect(all).not.toContain(secret)
      }
      // The response carries the id the client sent.
      const echoed = await api.get("/store/regions", { headers: { ...headers(seed.publishable_key).headers, "x-request-id": "echo-me-1" } })
      expect(echoed.headers["x-request-id"]).toBe("echo-me-1")
      const generated = await api.get("/store/regions", headers(seed.publishable_key))
      expect(generated.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/)

      const text = (await api.get("/metrics", bearer)).data as string
      expect(sample(text, "payments_total", { provider: "pp_system_default", outcome: "authorized" })).toBeGreaterThanOrEqual(1)
    })

    it("answers an unknown error 500 with the request id and no internals, and logs its stack with that id", async () => {
      // Medusa 2.21 passes a NUL in ?q= down to PostgreSQL, which fails: a real unexpected error.
      const capture = captureLogs()
      let res: any
      try {
        res = await api
          .get("/store/products?q=%00", { headers: { ...headers(seed.publishable_key).headers, "x-request-id": "boom-1" } })
          .catch((e) => e.response)
      } finally {
        capture.stop()
      }
      expect(res.status).toBe(500)
      expect(res.data).toEqual({
        type: "unknown_error",
        code: "unknown_error",
        message: "An unknown error occurred. Quote request id boom-1 to support.",
        request_id: "boom-1",
      })
      const errors = capture.lines.map((l) => JSON.parse(l)).filter((e) => e.level === "error")
      expect(errors).toHaveLength(1)
      expect(errors[0].request_id).toBe("boom-1")
      expect(errors[0].message).toMatch(/^GET \/store\/products failed: /)
      expect(errors[0].stack).toMatch(/\n\s+at /)
    })

    it("audits a staff product update: who, route template, entity, outcome, IP, request id, body without secrets", async () => {
      const auth = await adminAuth(api, getContainer())
      const { data: me } = await api.get("/admin/users/me", auth)
      const { data: list } = await api.get("/admin/products?limit=1&fields=id", auth)
      const productId = list.products[0].id
      const sent = { headers: { ...auth.headers, "x-request-id": "audit-req-1", "x-forwarded-for": "198.51.100.23" } }
      await api.post(`/admin/products/${productId}`, { subtitle: "Audited edit" }, sent)
      const rejected = await api
        .post(`/admin/products/${productId}`, { not_a_field: true }, { headers: { ...auth.headers, "x-request-id": "audit-req-2" } })
        .catch((e) => e.response)
      expect(rejected.status).toBe(400)
      await api.post("/admin/invites", { email: "new.staff@example.in" }, auth)

      const waitForEntries = async (query: string, n: number) => {
        for (let i = 0; i < 40; i++) {
          const { data } = await api.get(`/admin/audit-logs?${query}`, auth)
          if (data.count >= n) return data
          await new Promise((r) => setTimeout(r, 100))
        }
        throw new Error(`audit entries for ${query} did not appear`)
      }
      const { audit_logs } = await waitForEntries(`entity_id=${productId}`, 2)
      const ok = audit_logs.find((e: any) => e.request_id === "audit-req-1")
      expect(ok).toMatchObject({
        actor_id: me.user.id,
        actor_type: "user",
        method: "POST",
        route: "/admin/products/:id",
        path: `/admin/products/${productId}`,
        entity_id: productId,
        status_code: 200,
        outcome: "success",
        ip: "198.51.100.23",
        body: { subtitle: "Audited edit" },
      })
      expect(audit_logs.find((e: any) => e.request_id === "audit-req-2")).toMatchObject({ outcome: "failure", status_code: 400 })

      const failures = await api.get(`/admin/audit-logs?outcome=failure&entity_id=${productId}`, auth)
      expect(failures.data.audit_logs.map((e: any) => e.request_id)).toEqual(["audit-req-2"])
      const invites = await waitForEntries("route=/admin/invites", 1)
      expect(invites.audit_logs[0].body).toEqual({ email: "[REDACTED]" })
      expect(invites.audit_logs[0].entity_id).toMatch(/^invite_/)

      const page = await api.get("/admin/audit-logs?limit=1&offset=1", auth)
      expect(page.data).toMatchObject({ limit: 1, offset: 1 })
      expect(page.data.audit_logs).toHaveLength(1)
      expect(page.data.count).toBeGreaterThanOrEqual(3)
      const future = await api.get(`/admin/audit-logs?from=${new Date(Date.now() + 3600e3).toISOString()}`, auth)
      expect(future.data.count).toBe(0)

      const nul = await api.get("/admin/audit-logs?route=%00", auth).catch((e) => e.response)
      expect(nul.status).toBe(400)
      const bad = await api.get("/admin/audit-logs?method=GET&limit=abc", auth).catch((e) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/method|limit/)
      expect((await api.get("/admin/audit-logs").catch((e) => e.response)).status).toBe(401)
    })

    it("the retention job deletes entries older than AUDIT_LOG_RETENTION_DAYS and reports to /metrics", async () => {
      const service: any = getContainer().resolve(AUDIT_LOG_MODULE)
      const base = { method: "POST", route: "/admin/x", path: "/admin/x", status_code: 200, outcome: "success" }
      const [old, recent] = await service.createAuditLogEntries([
        { ...base, request_id: "old" },
        { ...base, request_id: "recent" },
      ])
      await service.updateAuditLogEntries({ id: old.id, created_at: new Date(Date.now() - 400 * 24 * 3600e3) })
      expect(await purgeAuditLog(getContainer())).toBe(1)
      const left = await service.listAuditLogEntries({ id: [old.id, recent.id] })
      expect(left.map((e: any) => e.request_id)).toEqual(["recent"])

      await instrumentedRetentionJob(getContainer())
      const text = (await api.get("/metrics", bearer)).data as string
      expect(sample(text, "scheduled_job_duration_seconds_count", { job: "audit-log-retention", outcome: "success" })).toBeGreaterThanOrEqual(1)
    })

    it("answers 429 with Retry-After once the login budget is spent, per IP and per e-mail", async () => {
      const attempt = (ip: string, email = ADMIN.email) =>
        api
          .post("/auth/user/emailpass", { email, password: "wrong" }, { headers: { "x-forwarded-for": ip } })
          .catch((e) => e.response)
      const first = await attempt("203.0.113.10", "a@example.in")
      expect(first.status).toBe(401)
      expect(first.headers["ratelimit-limit"]).toBe("5")
      expect(first.headers["ratelimit-remaining"]).toBe("4")
      for (let i = 0; i < 4; i++) expect((await attempt("203.0.113.10", `b${i}@example.in`)).status).toBe(401)
      const blocked = await attempt("203.0.113.10", "c@example.in")
      expect(blocked.status).toBe(429)
      expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0)
      expect(Number(blocked.headers["retry-after"])).toBeLessThanOrEqual(60)
      expect(blocked.headers["ratelimit-remaining"]).toBe("0")
      expect(blocked.data.message).toMatch(/Too many requests/)
      // Another IP still may log in...
      expect((await attempt("203.0.113.11", "d@example.in")).status).toBe(401)
      // ...but one e-mail tried from many IPs runs out too.
      const statuses: number[] = []
      for (let i = 0; i < 6; i++) statuses.push((await attempt(`203.0.113.${20 + i}`, "target@example.in")).status)
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
      // Catalog reads from the blocked IP are a different budget.
      const catalog = await api.get("/store/products?limit=1", {
        headers: { ...headers(seed.publishable_key).headers, "x-forwarded-for": "203.0.113.10" },
      })
      expect(catalog.status).toBe(200)
      expect(Number(catalog.headers["ratelimit-limit"])).toBe(600)

      // An allow-listed IP (e.g. a server-rendering storefront) is never limited.
      const allowed: number[] = []
      for (let i = 0; i < 7; i++) allowed.push((await attempt("203.0.113.99", `e${i}@example.in`)).status)
      expect(allowed).toEqual(Array(7).fill(401))
      // Payment webhooks are never rate limited, but their size is.
      const hook = await api
        .post("/hooks/payment/pp_system_default", { event: "x" }, { headers: { "x-forwarded-for": "203.0.113.10" } })
        .catch((e) => e.response)
      expect(hook.status).not.toBe(429)
      expect(hook.headers["ratelimit-limit"]).toBeUndefined()
      const huge = await api
        .post("/hooks/payment/pp_system_default", { blob: "x".repeat(70 * 1024) })
        .catch((e) => e.response)
      expect(huge.status).toBe(413)
      expect(huge.data.message).toMatch(/limited to 65536 bytes/)

      const text = (await api.get("/metrics", bearer)).data as string
      expect(sample(text, "rate_limit_rejections_total", { class: "auth", key: "ip" })).toBe(1)
      expect(sample(text, "rate_limit_rejections_total", { class: "auth", key: "identifier" })).toBe(1)
    })
  },
})
