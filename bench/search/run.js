#!/usr/bin/env node
/**
 * Search benchmark: POST /store/search latency for five query shapes, full-reindex throughput,
 * and the Redis answer cache (hit rate, cached p95), against a throw-away database with N
 * synthetic products.
 *
 *   node bench/search/run.js [--products N] [--duration S] [--connections C]
 *   npm run bench:search -- --products 100000
 *
 * Engine: search-postgres, or Elasticsearch when ELASTICSEARCH_URL is set (passed through).
 * Env: BENCH_SEARCH_PRODUCTS (10000), BENCH_SEARCH_DURATION (10 s per shape),
 * BENCH_SEARCH_CONNECTIONS (8), BENCH_SEARCH_REDIS_URL (redis://127.0.0.1:6379/10, flushed),
 * BENCH_DATABASE_URL (postgres://postgres@localhost:5432), BENCH_SEED_BATCH (1000).
 */
"use strict"

const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")
const { spawn } = require("child_process")

const ROOT = path.resolve(__dirname, "..", "..")
const arg = (name, env, dflt) => {
  const i = process.argv.indexOf(`--${name}`)
  return Number(i > -1 ? process.argv[i + 1] : process.env[env] || dflt)
}
const opts = {
  products: arg("products", "BENCH_SEARCH_PRODUCTS", 10000),
  duration: arg("duration", "BENCH_SEARCH_DURATION", 10),
  connections: arg("connections", "BENCH_SEARCH_CONNECTIONS", 8),
}
const redisUrl = process.env.BENCH_SEARCH_REDIS_URL || "redis://127.0.0.1:6379/10"
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14)
const dbName = `bench_search_${stamp}`
const base = new URL(process.env.BENCH_DATABASE_URL || "postgres://postgres@localhost:5432")
const withDb = (db) => Object.assign(new URL(base.href), { pathname: `/${db}` }).href
const log = (m) => console.log(`[bench] ${m}`)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const medusaCli = fs.realpathSync(path.join(ROOT, "node_modules", ".bin", "medusa"))
const children = new Set()

function env(extra = {}) {
  const e = {
    ...process.env, DATABASE_URL: withDb(dbName), NODE_ENV: "production", ADMIN_DISABLED: "true", LOG_LEVEL: "error",
    JWT_SECRET: "bench", COOKIE_SECRET: "bench", REDIS_URL: "", MEDUSA_WORKER_MODE: "shared", ...extra,
  }
  delete e.PORT
  return e
}

function spawnMedusa(args, childEnv) {
  const child = spawn(process.execPath, [medusaCli, ...args], { cwd: ROOT, env: childEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] })
  child.tail = ""
  const keep = (d) => {
    child.tail = (child.tail + d).slice(-8000)
    for (const line of String(d).split("\n")) if (/^\[(seed|reindex)\]/.test(line)) console.log(line)
  }
  child.stdout.on("data", keep)
  child.stderr.on("data", keep)
  child.exited = new Promise((r) => child.on("exit", (code) => r(code)))
  children.add(child)
  child.exited.then(() => children.delete(child))
  return child
}

async function runMedusa(args, childEnv = env()) {
  const t = Date.now()
  const child = spawnMedusa(args, childEnv)
  const code = await child.exited
  if (code !== 0) throw new Error(`medusa ${args.join(" ")} failed (${code}):\n${child.tail}`)
  return (Date.now() - t) / 1000
}

async function admin(sql) {
  const { Client } = require("pg")
  const c = new Client({ connectionString: withDb(base.pathname.length > 1 ? base.pathname.slice(1) : "postgres") })
  await c.connect()
  try { return await c.query(sql) } finally { await c.end() }
}

let dbCreated = false
async function cleanup() {
  for (const child of [...children]) {
    try { process.kill(-child.pid, "SIGTERM") } catch {}
    await Promise.race([child.exited, sleep(8000)])
    try { process.kill(-child.pid, "SIGKILL") } catch {}
  }
  if (dbCreated) await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).then(() => log(`dropped ${dbName}`)).catch((e) => log(`drop failed: ${e.message}`))
  dbCreated = false
}
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => cleanup().then(() => process.exit(130)))

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)) })
})

const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null)

/** C concurrent loops for `seconds`; each request's latency and cache header are recorded. */
async function load(url, headers, bodies, seconds) {
  const latencies = []
  const cache = {}
  let errors = 0
  let i = 0
  const deadline = Date.now() + seconds * 1000
  await Promise.all(Array.from({ length: opts.connections }, async () => {
    while (Date.now() < deadline) {
      const body = bodies[i++ % bodies.length]
      const t = process.hrtime.bigint()
      try {
        const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) })
        await res.arrayBuffer()
        if (res.status !== 200) { errors++; continue }
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6)
        const c = res.headers.get("x-search-cache") || "none"
        cache[c] = (cache[c] || 0) + 1
      } catch { errors++ }
    }
  }))
  latencies.sort((a, b) => a - b)
  return { requests: latencies.length, errors, p50: pct(latencies, 50), p95: pct(latencies, 95), rps: latencies.length / seconds, cache }
}

const SHAPES = {
  keyword: { entity: "product", fields: ["id", "title"], filters: { q: "cotton kurta" } },
  typo: { entity: "product", fields: ["id", "title"], filters: { q: "kurat" }, search_options: { typo_tolerance: true } },
  "facet-heavy": {
    entity: "product", fields: ["id", "title"], filters: { q: "linen" },
    search_options: { facets: [
      { field: "categories", limit: 20 }, { field: "colours", limit: 20 }, "sizes", { field: "tags", limit: 20 }, "in_stock", "collection",
      { field: "min_price.inr", type: "range", ranges: [{ to: 50000 }, { from: 50000, to: 150000 }, { from: 150000 }] },
      { field: "min_price.usd", type: "stats" },
    ] },
  },
  prefix: { entity: "product", fields: ["id", "title"], filters: { q: "festive kur" }, search_options: { match_strategy: "last" } },
  "filter-only": { entity: "product", fields: ["id", "title"], filters: { categories: "Kurtas", in_stock: true, "min_price.inr": { $lt: 150000 } } },
}

async function main() {
  const t0 = Date.now()
  const engine = process.env.ELASTICSEARCH_URL ? "search-elasticsearch" : "search-postgres"
  log(`${opts.products} products, ${engine}, ${opts.connections} connections, ${opts.duration}s per shape; ${os.cpus().length} CPUs (shared machine)`)
  const Redis = require("ioredis")
  const redis = new Redis(redisUrl)
  await redis.flushdb()
  await redis.quit()

  await admin(`CREATE DATABASE "${dbName}"`)
  dbCreated = true
  log(`db:migrate ${(await runMedusa(["db:migrate"])).toFixed(1)}s`)
  const seedOut = path.join(os.tmpdir(), `bench-search-${stamp}.json`)
  await runMedusa(["exec", "./bench/search/seed-products.ts", seedOut, String(opts.products)])
  const seeded = JSON.parse(fs.readFileSync(seedOut, "utf8"))
  const reindexOut = path.join(os.tmpdir(), `bench-search-reindex-${stamp}.json`)
  await runMedusa(["exec", "./bench/search/reindex.ts", reindexOut])
  const reindex = JSON.parse(fs.readFileSync(reindexOut, "utf8"))
  if (reindex.documents !== opts.products) throw new Error(`index holds ${reindex.documents} documents, expected ${opts.products}`)
  const throughput = reindex.documents / reindex.seconds
  log(`full reindex (swap): ${reindex.documents} documents in ${reindex.seconds.toFixed(1)}s = ${throughput.toFixed(0)} docs/s`)

  const port = await freePort()
  const server = spawnMedusa(["start", "-p", String(port)], env({ REDIS_URL: redisUrl }))
  const url = `http://127.0.0.1:${port}/store/search`
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`server exited:\n${server.tail}`)
    try { if ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200) break } catch {}
    if (i > 900) throw new Error("server did not start")
    await sleep(200)
  }
  const headers = { "content-type": "application/json", "x-publishable-api-key": seeded.publishable_key }
  const fresh = { ...headers, "cache-control": "no-cache" }

  const results = { engine, products: opts.products, cpus: os.cpus().length, connections: opts.connections, duration_s: opts.duration, seed_s: seeded.seconds, reindex: { ...reindex, docs_per_s: throughput }, shapes: {} }
  for (const [name, body] of Object.entries(SHAPES)) {
    const check = await (await fetch(url, { method: "POST", headers: fresh, body: JSON.stringify(body) })).json()
    if (!check.results?.[0]?.hits?.length) throw new Error(`${name}: no hits: ${JSON.stringify(check).slice(0, 300)}`)
    await load(url, fresh, [body], Math.min(2, opts.duration))
    results.shapes[name] = await load(url, fresh, [body], opts.duration)
    results.shapes[name].count = check.results[0].metadata.count
  }

  // A storefront-like mix: 200 distinct searches, popular ones far more often (Zipf, s = 1).
  const WORDS = ["kurta", "tee", "linen", "silk", "cotton tote", "indigo", "festive", "mug", "stole", "hoodie", "khadi", "denim", "jute", "ikat", "planter", "scarf", "backpack", "jacket", "wool", "chanderi"]
  const distinct = Array.from({ length: 200 }, (_, k) => ({ entity: "product", fields: ["id", "title"], filters: { q: WORDS[k % WORDS.length] }, pagination: { skip: Math.floor(k / WORDS.length) * 20, take: 20 } }))
  const weights = distinct.map((_, k) => 1 / (k + 1))
  const total = weights.reduce((a, b) => a + b, 0)
  const mix = []
  for (let n = 0; n < 5000; n++) {
    let r = ((n * 7919) % 5000) / 5000 * total
    let k = 0
    while ((r -= weights[k]) > 0) k++
    mix.push(distinct[k])
  }
  const cached = await load(url, headers, mix, opts.duration)
  const hits = cached.cache.hit || 0
  results.cache = { ...cached, hit_rate: hits / Math.max(1, cached.requests) }
  const hitOnly = await load(url, headers, [mix[0]], opts.duration)
  results.cache.hit_only = hitOnly

  console.log("")
  console.log(`| shape | count | p50 ms | p95 ms | req/s |`)
  console.log(`|---|---|---|---|---|`)
  for (const [name, r] of Object.entries(results.shapes)) console.log(`| ${name} | ${r.count} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.rps.toFixed(0)} |`)
  console.log(`| storefront mix, cache on | | ${cached.p50.toFixed(1)} | ${cached.p95.toFixed(1)} | ${cached.rps.toFixed(0)} |`)
  console.log(`| one repeated search (cache hits) | | ${hitOnly.p50.toFixed(1)} | ${hitOnly.p95.toFixed(1)} | ${hitOnly.rps.toFixed(0)} |`)
  console.log("")
  log(`cache hit rate on the mix: ${(results.cache.hit_rate * 100).toFixed(1)}% (${JSON.stringify(cached.cache)})`)
  log(`reindex throughput: ${throughput.toFixed(0)} docs/s; seed ${seeded.seconds.toFixed(0)}s; total ${((Date.now() - t0) / 1000).toFixed(0)}s`)
  const errors = Object.values(results.shapes).reduce((a, r) => a + r.errors, 0) + cached.errors + hitOnly.errors
  fs.mkdirSync(path.join(ROOT, "bench", "results"), { recursive: true })
  const out = path.join(ROOT, "bench", "results", `search-${stamp}.json`)
  fs.writeFileSync(out, JSON.stringify({ ...results, errors }, null, 2))
  log(`wrote ${path.relative(ROOT, out)}${errors ? ` (${errors} errors)` : ""}`)
  return errors ? 1 : 0
}

main()
  .then(async (code) => { await cleanup(); process.exit(code) })
  .catch(async (e) => { console.error(`[bench] ${e.stack || e}`); await cleanup(); process.exit(1) })
