#!/usr/bin/env node
/**
 * Analytics benchmark.
 *
 *   node bench/analytics/run.js [--events N] [--checkouts N] [--part tracker|checkout|all]
 *   npm run bench:analytics
 *
 * 1. tracker: events per second through the providers' track() until stored:
 *    - into the PostgreSQL store (src/modules/analytics-postgres) in a throw-away database;
 *    - through the Elasticsearch bulk writer into the local _bulk fixture (HTTP, same wire format).
 * 2. checkout: one migrated+seeded database, two `medusa start` processes side by side
 *    (ANALYTICS_DISABLED=true, and tracking on with every API request sampled); N guest checkouts
 *    on each, alternating (after 3 warm-up ones each); p50/p95/p99 of a whole checkout (7 store
 *    API calls) and of POST /store/carts/:id/complete.
 *
 * Env: BENCH_DATABASE_URL (server base URL, default postgres://postgres@localhost:5432).
 * Prints a table; JSON goes to bench/results/analytics-<timestamp>.json.
 */
"use strict"
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs", jsx: "react-jsx" } })

const fs = require("fs")
const path = require("path")
const { performance } = require("perf_hooks")

const ROOT = path.resolve(__dirname, "..", "..")
const PG_BASE = process.env.BENCH_DATABASE_URL || "postgres://postgres@localhost:5432"
process.env.E2E_PG_URL = process.env.E2E_PG_URL || PG_BASE

function args() {
  const o = { events: 20000, checkouts: 30, part: "all" }
  const a = process.argv.slice(2)
  for (let i = 0; i < a.length; i++) {
    const [k, v] = a[i].split(/=(.*)/s)
    const val = v !== undefined ? v : a[++i]
    if (k === "--events") o.events = Number(val)
    else if (k === "--checkouts") o.checkouts = Number(val)
    else if (k === "--part") o.part = val
    else throw new Error(`unknown argument ${a[i]}`)
  }
  return o
}

const quiet = { info() {}, warn() {}, error() {}, debug() {} }
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}
const event = (i) => ({
  event: "order.placed",
  actor_id: `cus_${i % 500}`,
  properties: { order_id: `order_${i}`, currency: "inr", region_id: "reg_in", value_minor: 10000 + i, product_ids: ["prod_a", "prod_b"], item_count: 2 },
})

async function trackerBench(n) {
  const { createScratchDatabase } = require("@indus/test-kit")
  const { default: PostgresAnalyticsProvider } = require(path.join(ROOT, "src/modules/analytics-postgres/service"))
  const { BulkWriter } = require(path.join(ROOT, "src/modules/analytics-elasticsearch/bulk-writer"))
  const { PostgresOutbox } = require(path.join(ROOT, "src/modules/analytics-elasticsearch/outbox"))
  const { toEventDocument } = require(path.join(ROOT, "src/modules/analytics-elasticsearch/document"))
  const { ElasticsearchFixture } = require(path.join(ROOT, "integration-tests/fixtures/elasticsearch-fixture"))
  const { Client } = require("@elastic/elasticsearch")

  const scratch = await createScratchDatabase("bench_analytics")
  const out = {}
  try {
    const pg = new PostgresAnalyticsProvider({ logger: quiet, __pg_connection__: scratch.db }, {})
    await pg.store.ensureSchema()
    let t0 = performance.now()
    for (let i = 0; i < n; i++) await pg.track(event(i))
    const enqueueMs = performance.now() - t0
    await pg.shutdown()
    const totalMs = performance.now() - t0
    const stored = Number((await scratch.db("analytics_event").count({ c: "*" }))[0].c)
    out.postgres = { events: n, stored, enqueue_us_per_event: (enqueueMs * 1000) / n, events_per_s: Math.round(n / (totalMs / 1000)) }

    const fixture = new ElasticsearchFixture()
    const url = await fixture.start()
    const writer = new BulkWriter(new Client({ node: url }), new PostgresOutbox(scratch.db), quiet, {
      dataStreamPrefix: "shop", batchSize: 500, flushIntervalMs: 1000, maxBuffer: n + 1, drainIntervalMs: 2000, maxBackoffMs: 60000,
    })
    t0 = performance.now()
    for (let i = 0; i < n; i++) writer.enqueue(toEventDocument(event(i)))
    const esEnqueueMs = performance.now() - t0
    await writer.close()
    const esTotalMs = performance.now() - t0
    out.elasticsearch_fixture = {
      events: n,
      stored: fixture.all("shop-events").length,
      bulk_requests: fixture.bulkRequests,
      enqueue_us_per_event: (esEnqueueMs * 1000) / n,
      events_per_s: Math.round(n / (esTotalMs / 1000)),
    }
    await fixture.stop()
  } finally {
    await scratch.drop()
  }
  return out
}

async function checkoutBench(n) {
  const axios = require("axios")
  const app = require(path.join(ROOT, "integration-tests/e2e/support/app"))
  const { findVariant, guestCheckout, headers } = require(path.join(ROOT, "integration-tests/helpers/store"))
  const db = `bench_analytics_checkout_${Date.now()}`
  const port = await app.freePort()
  const { env, summary } = await app.prepareDatabase(db, port, { ADMIN_DISABLED: "true", ELASTICSEARCH_URL: "", LOG_LEVEL: "error" })
  const modes = { off: { ANALYTICS_DISABLED: "true", ANALYTICS_API_SAMPLE_RATE: "0" }, on: { ANALYTICS_DISABLED: "false", ANALYTICS_API_SAMPLE_RATE: "1" } }
  const servers = {}
  try {
    // Both servers run at once on the same database and checkouts alternate between them,
    // so background load on a shared host hits both sides alike.
    for (const [mode, extra] of Object.entries(modes)) {
      const p = mode === "off" ? port : await app.freePort()
      servers[mode] = { running: await app.startMedusa({ ...env, ...extra }, p), checkoutMs: [], completeMs: [] }
    }
    for (const s of Object.values(servers)) {
      s.api = axios.create({ baseURL: s.running.url })
      s.api.interceptors.request.use((c) => ((c.meta = { t: performance.now() }), c))
      s.api.interceptors.response.use((r) => {
        if (s.measuring && /\/complete$/.test(r.config.url)) s.completeMs.push(performance.now() - r.config.meta.t)
        return r
      })
    }
    const api = servers.off.api
    const { data: { regions } } = await api.get("/store/regions", headers(summary.publishable_key))
    const india = regions.find((r) => r.name === "India")
    const { variant } = await findVariant(api, summary.publishable_key, "organic-crew-tee", india.id)
    const one = (s) => guestCheckout(s.api, summary.publishable_key, { regionId: india.id, items: [{ variant_id: variant.id, quantity: 1 }], shippingOptionName: "Standard Delivery" })
    for (let i = 0; i < 3; i++) for (const s of Object.values(servers)) await one(s)
    for (const s of Object.values(servers)) s.measuring = true
    for (let i = 0; i < n; i++) {
      for (const mode of i % 2 ? ["on", "off"] : ["off", "on"]) {
        const s = servers[mode]
        const t = performance.now()
        await one(s)
        s.checkoutMs.push(performance.now() - t)
      }
    }
  } finally {
    for (const s of Object.values(servers)) await s.running.stop()
    await app.dropDatabase(db).catch(() => {})
  }
  const results = {}
  for (const [mode, s] of Object.entries(servers)) {
    results[mode] = {
      checkouts: s.checkoutMs.length,
      checkout_p50_ms: pct(s.checkoutMs, 50), checkout_p95_ms: pct(s.checkoutMs, 95), checkout_p99_ms: pct(s.checkoutMs, 99),
      complete_p50_ms: pct(s.completeMs, 50), complete_p99_ms: pct(s.completeMs, 99),
    }
  }
  results.added_checkout_p99_ms = results.on.checkout_p99_ms - results.off.checkout_p99_ms
  results.added_checkout_p50_ms = results.on.checkout_p50_ms - results.off.checkout_p50_ms
  return results
}

async function main() {
  const o = args()
  const report = { at: new Date().toISOString(), cpus: require("os").cpus().length, load: require("os").loadavg() }
  if (o.part === "all" || o.part === "tracker") report.tracker = await trackerBench(o.events)
  if (o.part === "all" || o.part === "checkout") report.checkout = await checkoutBench(o.checkouts)
  const f = (x) => (typeof x === "number" ? (Number.isInteger(x) ? String(x) : x.toFixed(2)) : String(x))
  if (report.tracker) {
    console.log("\ntracker -> store           events   stored   events/s   enqueue µs/event")
    for (const [k, v] of Object.entries(report.tracker)) console.log(`${k.padEnd(26)}${f(v.events).padStart(7)}${f(v.stored).padStart(9)}${f(v.events_per_s).padStart(11)}${f(v.enqueue_us_per_event).padStart(19)}`)
  }
  if (report.checkout) {
    const c = report.checkout
    console.log("\ncheckout (7 calls)  p50 ms   p95 ms   p99 ms   complete p50   complete p99")
    for (const m of ["off", "on"]) console.log(`tracking ${m.padEnd(10)}${f(c[m].checkout_p50_ms).padStart(7)}${f(c[m].checkout_p95_ms).padStart(9)}${f(c[m].checkout_p99_ms).padStart(9)}${f(c[m].complete_p50_ms).padStart(15)}${f(c[m].complete_p99_ms).padStart(15)}`)
    console.log(`added by tracking: p50 ${f(c.added_checkout_p50_ms)} ms, p99 ${f(c.added_checkout_p99_ms)} ms (load average ${report.load.map((l) => l.toFixed(1)).join(" ")})`)
  }
  fs.mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true })
  const file = path.join(ROOT, "bench", "results", `analytics-${Date.now()}.json`)
  fs.writeFileSync(file, JSON.stringify(report, null, 2))
  console.log(`\nresults: ${path.relative(ROOT, file)}`)
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`[bench] ${e.stack || e}`)
    process.exit(1)
  }
)
