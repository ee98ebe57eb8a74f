#!/usr/bin/env node
/**
 * Store API benchmark: throughput, latency and memory of the Medusa server on the two hottest
 * storefront reads (product list, product detail), with the response cache off, cold and warm.
 *   node bench/store-api/run.js [--products N] [--duration S] [--connections C] [--warmup S]
 *                               [--with-region] [--with-medusa-caching]
 * Steps: create database bench_store_api_<timestamp> -> db:migrate -> seed -> a staff user ->
 * server with RESPONSE_CACHE=off (stock) -> server with the cache on (Redis): cold run (every
 * request a new page/product), warm run (the stock URLs), stale window after 10 admin price
 * updates -> optionally a server with Medusa's caching module (MEDUSA_FF_CACHING) -> table +
 * bench/results/store-api-<timestamp>.json. Servers killed, database dropped on every exit path.
 * Env: BENCH_PRODUCTS, BENCH_DURATION, BENCH_CONNECTIONS, BENCH_WARMUP, BENCH_WITH_REGION=true,
 * BENCH_WITH_MEDUSA_CACHING=true, BENCH_DATABASE_URL (default postgres://postgres@localhost:5432),
 * BENCH_CACHE_REDIS_URL (cache Redis, default redis://localhost:6379/6; FLUSHDB'd),
 * BENCH_MEDUSA_REDIS_URL (Medusa's modules in the caching-module run, default .../5; FLUSHDB'd),
 * BENCH_TIMEOUT (overall limit in seconds; default derived from the other settings).
 */
"use strict"

const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")
const { spawn, execFileSync } = require("child_process")

const ROOT = path.resolve(__dirname, "..", "..")
const RESULTS_DIR = path.join(ROOT, "bench", "results")
const SEED_SCRIPT = "./bench/store-api/seed-products.ts"
const MB = 1024 // VmRSS is reported in kB

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const opts = {
    products: process.env.BENCH_PRODUCTS || 1000,
    duration: process.env.BENCH_DURATION || 15,
    connections: process.env.BENCH_CONNECTIONS || 10,
    warmup: process.env.BENCH_WARMUP || 3,
    withRegion: process.env.BENCH_WITH_REGION === "true",
    withMedusaCaching: process.env.BENCH_WITH_MEDUSA_CACHING === "true",
    cacheRedisUrl: process.env.BENCH_CACHE_REDIS_URL || "redis://localhost:6379/6",
    medusaRedisUrl: process.env.BENCH_MEDUSA_REDIS_URL || "redis://localhost:6379/5",
  }
  for (let i = 0; i < argv.length; i++) {
    let [flag, value] = argv[i].split(/=(.*)/s)
    const take = () => (value !== undefined ? value : argv[++i])
    switch (flag) {
      case "--products": case "-n": opts.products = take(); break
      case "--duration": case "-d": opts.duration = take(); break
      case "--connections": case "-c": opts.connections = take(); break
      case "--warmup": opts.warmup = take(); break
      case "--with-region": opts.withRegion = true; break
      case "--with-medusa-caching": opts.withMedusaCaching = true; break
      case "--help": case "-h":
        console.log(fs.readFileSync(__filename, "utf8").split("\n").slice(2, 16).map((l) => l.replace(/^ \*\s?/, "")).join("\n"))
        process.exit(0)
      default:
        console.error(`[bench] unknown argument ${argv[i]} (try --help)`)
        process.exit(2)
    }
  }
  for (const key of ["products", "duration", "connections", "warmup"]) {
    const n = Number(opts[key])
    if (!Number.isInteger(n) || n < (key === "warmup" ? 0 : 1)) {
      console.error(`[bench] --${key} must be a positive integer, got ${opts[key]}`)
      process.exit(2)
    }
    opts[key] = n
  }
  return opts
}

const opts = parseArgs(process.argv.slice(2))
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14) // YYYYMMDDHHMMSS (UTC)
const dbName = `bench_store_api_${stamp}`
const baseUrl = new URL(process.env.BENCH_DATABASE_URL || "postgres://postgres@localhost:5432")
const adminDbUrl = withDb(baseUrl, baseUrl.pathname.length > 1 ? baseUrl.pathname.slice(1) : "postgres")
const benchDbUrl = withDb(baseUrl, dbName)

const SEED_TIMEOUT_S = 180 + Math.ceil(opts.products * 0.2)
// off + cold + warm (+ Medusa caching), two routes each, plus three server starts.
const routeCount = (opts.withMedusaCaching ? 12 : 8) + (opts.withRegion ? 2 : 0) + 8
const OVERALL_TIMEOUT_S =
  Number(process.env.BENCH_TIMEOUT) || 600 + SEED_TIMEOUT_S + routeCount * (opts.duration + opts.warmup + 20)

function withDb(url, db) {
  const u = new URL(url.href)
  u.pathname = `/${db}`
  return u.href
}

const log = (msg) => console.log(`[bench] ${msg}`)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

// ---------------------------------------------------------------- child processes

const children = new Set()
const medusaCli = fs.realpathSync(path.join(ROOT, "node_modules", ".bin", "medusa"))

function medusaEnv(extra = {}) {
  const env = {
    ...process.env,
    DATABASE_URL: benchDbUrl,
    NODE_ENV: "production",
    ADMIN_DISABLED: "true",
    LOG_LEVEL: "error",
    JWT_SECRET: "bench-jwt-secret",
    COOKIE_SECRET: "bench-cookie-secret",
    // Present-but-empty so a REDIS_URL from .env (loaded by dotenv, which never overrides) stays off.
    REDIS_URL: "",
    MEDUSA_WORKER_MODE: "shared",
    ...extra,
  }
  delete env.PORT
  return env
}

/**
 * Spawns the medusa CLI with node directly (not through the .bin shim or a shell), so that
 * child.pid is the Node process whose memory we sample. Own process group, so cleanup can
 * kill anything it forks.
 */
function spawnMedusa(args, env) {
  const child = spawn(process.execPath, [medusaCli, ...args], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  child.tail = ""
  const keep = (d) => {
    child.tail = (child.tail + d).slice(-16000)
  }
  child.stdout.on("data", keep)
  child.stderr.on("data", keep)
  child.exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })))
  child.on("error", (e) => (child.tail += `\nspawn error: ${e.message}`))
  children.add(child)
  child.exited.then(() => children.delete(child))
  return child
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {}
  }
}

async function stopChild(child, graceMs = 10000) {
  if (child.exitCode !== null || child.signalCode !== null) return
  killGroup(child, "SIGTERM")
  const done = await Promise.race([child.exited, sleep(graceMs).then(() => null)])
  if (!done) {
    killGroup(child, "SIGKILL")
    await Promise.race([child.exited, sleep(3000)])
  }
}

/** Runs a medusa command to completion within timeoutMs; `onLine` sees stdout lines live. */
async function runMedusa(args, { timeoutMs, env = medusaEnv(), onLine } = {}) {
  const label = `medusa ${args.join(" ")}`
  const started = Date.now()
  const child = spawnMedusa(args, env)
  if (onLine) {
    let buf = ""
    child.stdout.on("data", (d) => {
      buf += d
      const lines = buf.split("\n")
      buf = lines.pop()
      lines.forEach(onLine)
    })
  }
  const timer = setTimeout(() => {
    child.tail += `\n[bench] ${label} timed out after ${timeoutMs / 1000}s`
    killGroup(child, "SIGKILL")
  }, timeoutMs)
  const { code, signal } = await child.exited
  clearTimeout(timer)
  const seconds = (Date.now() - started) / 1000
  if (code !== 0) {
    throw new Error(`${label} failed (exit ${code ?? signal}) after ${seconds.toFixed(1)}s:\n${child.tail.slice(-6000)}`)
  }
  return { seconds }
}

// ---------------------------------------------------------------- database

function pgClient() {
  let pg
  try {
    pg = require("@medusajs/framework/pg")
  } catch {
    pg = require("pg")
  }
  const Client = pg.Client || (pg.default && pg.default.Client)
  return new Client({ connectionString: adminDbUrl, connectionTimeoutMillis: 10000 })
}

async function adminQuery(sql) {
  const client = pgClient()
  await client.connect()
  try {
    return await client.query(sql)
  } finally {
    await client.end().catch(() => {})
  }
}

const quoteIdent = (s) => `"${s.replace(/"/g, '""')}"`

// ---------------------------------------------------------------- cleanup

let server = null
let dbCreated = false
let cleanupPromise = null
let aborting = false
let seedOut = null

function cleanup() {
  if (!cleanupPromise) {
    cleanupPromise = (async () => {
      for (const child of [...children]) await stopChild(child).catch(() => {})
      if (seedOut) fs.rmSync(seedOut, { force: true })
      if (dbCreated) {
        try {
          await adminQuery(`DROP DATABASE IF EXISTS ${quoteIdent(dbName)} WITH (FORCE)`)
          log(`dropped database ${dbName}`)
          dbCreated = false
        } catch (e) {
          console.error(`[bench] could not drop database ${dbName}: ${e.message} (drop it by hand)`)
        }
      }
    })()
  }
  return cleanupPromise
}

async function cleanupAndExit(code, why) {
  aborting = true
  if (why) console.error(`[bench] ${why}`)
  const hard = setTimeout(() => process.exit(code), 30000)
  hard.unref()
  await cleanup().catch(() => {})
  process.exit(code)
}

process.on("exit", () => {
  for (const child of children) killGroup(child, "SIGKILL")
})
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => cleanupAndExit(130, `received ${sig}, cleaning up`))
}
process.on("unhandledRejection", (e) => cleanupAndExit(1, `unhandled rejection: ${e && e.stack ? e.stack : e}`))
process.on("uncaughtException", (e) => cleanupAndExit(1, `uncaught exception: ${e && e.stack ? e.stack : e}`))

// ---------------------------------------------------------------- measurement helpers

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on("error", reject)
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

function procStatus(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, "utf8")
    const field = (name) => {
      const m = new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(text)
      return m ? Number(m[1]) : null
    }
    return { rssKb: field("VmRSS"), hwmKb: field("VmHWM"), name: (/^Name:\s+(\S+)/m.exec(text) || [])[1] }
  } catch {
    return null
  }
}

/** utime + stime of the process in seconds (Linux, CLK_TCK = 100). */
function procCpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return null
  }
}

const toMb = (kb) => (kb == null ? null : Math.round((kb / MB) * 10) / 10)

async function waitForHealth(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`medusa start exited (${child.exitCode ?? child.signalCode}) before /health answered:\n${child.tail.slice(-6000)}`)
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) })
      if (res.status === 200) return
    } catch {}
    await sleep(250)
  }
  throw new Error(`${url} not 200 within ${timeoutMs / 1000}s:\n${child.tail.slice(-6000)}`)
}

async function getJson(url, headers) {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(15000) })
  const text = await res.text()
  if (res.status !== 200) throw new Error(`GET ${url} -> ${res.status}: ${text.slice(0, 500)}`)
  return JSON.parse(text)
}

// ---------------------------------------------------------------- main

async function main() {
  const autocannon = require("autocannon")
  const t0 = Date.now()
  log(`${opts.products} products x 3 variants, ${opts.connections} connections, ${opts.duration}s per route (limit ${OVERALL_TIMEOUT_S}s)`)

  await adminQuery(`CREATE DATABASE ${quoteIdent(dbName)}`)
  dbCreated = true
  log(`created database ${dbName}`)

  const migrate = await runMedusa(["db:migrate"], { timeoutMs: 300000 })
  log(`db:migrate done in ${migrate.seconds.toFixed(1)}s`)

  seedOut = path.join(os.tmpdir(), `bench-store-api-${stamp}-${process.pid}.json`)
  const seed = await runMedusa(["exec", SEED_SCRIPT, seedOut, String(opts.products)], {
    timeoutMs: SEED_TIMEOUT_S * 1000,
    env: medusaEnv({ BENCH_SEED_OUT: seedOut, BENCH_PRODUCTS: String(opts.products) }),
    onLine: (line) => line.startsWith("[seed]") && console.log(line),
  })
  const seeded = JSON.parse(fs.readFileSync(seedOut, "utf8"))
  fs.rmSync(seedOut, { force: true })
  log(`seed done in ${seed.seconds.toFixed(1)}s (workflows ${seeded.seconds.toFixed(1)}s)`)

  const headers = { "x-publishable-api-key": seeded.publishable_key }
  const pw = "bench-admin-password-1"
  await runMedusa(["user", "-e", "bench-admin@example.com", "-p", pw], { timeoutMs: 120000 })

  // Every request of a "cold" run asks for a page or product no earlier request asked for.
  let listOffset = 0
  let detailIndex = 0
  const maxOffset = Math.max(1, opts.products - 20)
  const routeSets = {
    warm: [
      { name: "list", path: "/store/products?limit=20" },
      { name: "detail", path: `/store/products/${seeded.product_id}` },
    ],
    cold: [
      { name: "list", path: "/store/products?limit=20&offset=0", next: () => `/store/products?limit=20&offset=${listOffset++ % maxOffset}` },
      { name: "detail", path: `/store/products/${seeded.product_ids[0]}`, next: () => `/store/products/${seeded.product_ids[detailIndex++ % seeded.product_ids.length]}` },
    ],
  }
  if (opts.withRegion) {
    routeSets.warm.push({ name: "list+region", path: `/store/products?limit=20&region_id=${seeded.region_id}` })
  }

  const runCannon = (route, duration) =>
    autocannon({
      url: base() + route.path,
      connections: opts.connections,
      duration,
      headers,
      timeout: 10,
      ...(route.next ? { requests: [{ setupRequest: (req) => ({ ...req, path: route.next() }) }] } : {}),
    })

  let port
  const base = () => `http://127.0.0.1:${port}`
  const startServer = async (label, extraEnv) => {
    port = await freePort()
    const startedAt = Date.now()
    server = spawnMedusa(["start", "-p", String(port)], medusaEnv(extraEnv))
    await waitForHealth(`${base()}/health`, server, 180000)
    const status = procStatus(server.pid)
    if (status && ["env", "sh", "bash", "dash"].includes(status.name)) {
      throw new Error(`pid ${server.pid} is "${status.name}", not the node server: RSS would be wrong`)
    }
    const seconds = (Date.now() - startedAt) / 1000
    log(`[${label}] medusa start ready on :${port} in ${seconds.toFixed(1)}s (pid ${server.pid}, RSS ${toMb(status && status.rssKb)} MB)`)
    return seconds
  }

  const results = []
  const measure = async (config, mode, routes) => {
    for (const route of routes) {
      if (opts.warmup > 0 && mode !== "cold") {
        const w = await runCannon(route, opts.warmup)
        if (w.non2xx || w.errors || w.timeouts) {
          throw new Error(`warm-up of ${route.name}: ${w.non2xx} non-2xx, ${w.errors} errors, ${w.timeouts} timeouts`)
        }
      }
      let peakKb = procStatus(server.pid)?.rssKb ?? 0
      const sampler = setInterval(() => {
        const st = procStatus(server.pid)
        if (st && st.rssKb > peakKb) peakKb = st.rssKb
      }, 500)
      const cpu0 = procCpuSeconds(server.pid)
      const r = await runCannon(route, opts.duration)
      clearInterval(sampler)
      const cpu1 = procCpuSeconds(server.pid)
      const post = procStatus(server.pid)
      if (post && post.rssKb > peakKb) peakKb = post.rssKb
      const row = {
        route: route.name,
        cache: config,
        mode,
        url_path: route.path,
        req_per_s: Math.round(r.requests.average * 10) / 10,
        req_per_s_stddev: Math.round(r.requests.stddev * 10) / 10,
        requests_total: r.requests.total,
        latency_ms: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, avg: r.latency.average, max: r.latency.max },
        non2xx: r.non2xx,
        status_codes: Object.fromEntries(Object.entries(r.statusCodeStats || {}).map(([k, v]) => [k, v.count])),
        errors: r.errors,
        timeouts: r.timeouts,
        throughput_kb_per_s: Math.round(r.throughput.average / 1024),
        rss_peak_mb: toMb(peakKb),
        rss_post_mb: toMb(post && post.rssKb),
        server_cpu_percent: cpu0 != null && cpu1 != null ? Math.round(((cpu1 - cpu0) / r.duration) * 100) : null,
      }
      if (mode === "cold" && r.requests.total > (route.name === "list" ? maxOffset : seeded.product_ids.length)) {
        row.note = "more requests than distinct keys: some cold requests were hits"
      }
      results.push(row)
      log(`${config}/${mode} ${route.name}: ${row.req_per_s} req/s, p50 ${row.latency_ms.p50} ms, p99 ${row.latency_ms.p99} ms, non-2xx ${row.non2xx}`)
    }
  }

  const sanity = async () => {
    // The responses are the seeded catalogue, not empty lists or errors.
    const list = await getJson(base() + routeSets.warm[0].path, headers)
    if (!Array.isArray(list.products) || list.products.length !== Math.min(20, opts.products) || list.count !== opts.products) {
      throw new Error(`unexpected list response: ${list.products && list.products.length} products, count ${list.count}`)
    }
    const one = await getJson(base() + routeSets.warm[1].path, headers)
    if (!one.product || one.product.id !== seeded.product_id || (one.product.variants || []).length !== 3) {
      throw new Error(`unexpected product response: ${JSON.stringify(one).slice(0, 300)}`)
    }
    return { list: Buffer.byteLength(JSON.stringify(list)), product: Buffer.byteLength(JSON.stringify(one)) }
  }

  const flushRedis = async (url) => {
    const Redis = require("ioredis")
    const r = new Redis(url, { maxRetriesPerRequest: 1 })
    await r.flushdb()
    r.disconnect()
  }

  // 1. Cache off: the middleware steps aside (RESPONSE_CACHE=off); this is stock Medusa.
  const startup = {}
  startup.off = await startServer("off", { RESPONSE_CACHE: "off" })
  const bytes = await sanity()
  await measure("off", "stock", routeSets.warm)
  // The cold URL pattern without the cache: tells the miss path's own cost from that of the pages asked for.
  await measure("off", "cold", routeSets.cold)
  await stopChild(server)

  // 2. Cache on (Redis): cold (every request a new key), then warm (the same URLs as "off").
  await flushRedis(opts.cacheRedisUrl)
  startup.on = await startServer("on", { RESPONSE_CACHE: "on", RESPONSE_CACHE_REDIS_URL: opts.cacheRedisUrl })
  await sanity()
  await measure("on", "cold", routeSets.cold)
  await measure("on", "warm", routeSets.warm)

  // 3. Stale window: admin price update -> the first store read showing the new price.
  const staleWindows = await measureStaleWindow({ base: base(), headers, seeded, password: pw })
  log(`stale window after a price update (ms): ${staleWindows.join(", ")}`)
  await stopChild(server)

  let medusaCachingStale = null
  let combinedStale = null
  // 4. Optional: Medusa's caching module (MEDUSA_FF_CACHING; registered by medusa-config with REDIS_URL),
  //    alone (our cache off), then together with our cache, where it makes the publishable-key check free.
  if (opts.withMedusaCaching) {
    const medusaCaching = { MEDUSA_FF_CACHING: "true", REDIS_URL: opts.medusaRedisUrl }
    await flushRedis(opts.medusaRedisUrl)
    startup.medusa_caching = await startServer("medusa-caching", { ...medusaCaching, RESPONSE_CACHE: "off" })
    await sanity()
    await measure("medusa-caching", "warm", routeSets.warm)
    try {
      medusaCachingStale = await measureStaleWindow({ base: base(), headers, seeded, password: pw, rounds: 3, limitMs: 20000 })
    } catch (e) {
      medusaCachingStale = String(e.message)
    }
    log(`[medusa-caching] stale window after a price update: ${JSON.stringify(medusaCachingStale)}`)
    await stopChild(server)

    await flushRedis(opts.medusaRedisUrl)
    await flushRedis(opts.cacheRedisUrl)
    startup.on_with_medusa_caching = await startServer("on+medusa-caching", {
      ...medusaCaching, RESPONSE_CACHE: "on", RESPONSE_CACHE_REDIS_URL: opts.cacheRedisUrl,
    })
    await sanity()
    await measure("on+medusa-caching", "warm", routeSets.warm)
    combinedStale = await measureStaleWindow({ base: base(), headers, seeded, password: pw })
    log(`[on+medusa-caching] stale window after a price update (ms): ${combinedStale.join(", ")}`)
    await stopChild(server)
    await flushRedis(opts.medusaRedisUrl)
  }
  await flushRedis(opts.cacheRedisUrl)

  const title = `store-api bench: ${opts.products} products x 3 variants, ${opts.connections} connections, ${opts.duration}s each`
  const cols = [
    ["route", 9, (r) => r.route],
    ["cache", 19, (r) => r.cache],
    ["mode", 7, (r) => r.mode],
    ["req/s", 9, (r) => r.req_per_s.toFixed(1)],
    ["p50 ms", 8, (r) => String(r.latency_ms.p50)],
    ["p99 ms", 8, (r) => String(r.latency_ms.p99)],
    ["non-2xx", 9, (r) => String(r.non2xx)],
    ["RSS peak MB", 13, (r) => String(r.rss_peak_mb ?? "n/a")],
  ]
  const fmt = (cells) => cells.map((c, i) => (i < 3 ? c.padEnd(cols[i][1]) : c.padStart(cols[i][1]))).join("")
  const ratio = (routeName, cache = "on") => {
    const off = results.find((r) => r.cache === "off" && r.route === routeName)
    const warm = results.find((r) => r.cache === cache && r.mode === "warm" && r.route === routeName)
    return off && warm ? Math.round((warm.req_per_s / off.req_per_s) * 10) / 10 : null
  }
  const speedup = { list: ratio("list"), detail: ratio("detail") }
  const speedupCombined = { list: ratio("list", "on+medusa-caching"), detail: ratio("detail", "on+medusa-caching") }
  const sorted = [...staleWindows].sort((a, b) => a - b)
  const table = [
    title,
    fmt(cols.map((c) => c[0])),
    ...results.map((r) => fmt(cols.map((c) => c[2](r)))),
    "",
    `warm / off: list ${speedup.list}x, detail ${speedup.detail}x (goal >= 30x)`,
    ...(opts.withMedusaCaching ? [
      `warm with Medusa's caching module too / off: list ${speedupCombined.list}x, detail ${speedupCombined.detail}x`,
      `stale window with Medusa's caching module too (Redis event bus, shared process): ${JSON.stringify(combinedStale)} ms`,
    ] : []),
    ...(opts.withMedusaCaching ? [`Medusa caching module, stale window after a price update: ${JSON.stringify(medusaCachingStale)}`] : []),
    `stale window after an admin price update: median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted[sorted.length - 1]} ms (${sorted.length} updates, in-process event bus)`,
  ].join("\n")

  let medusaVersion = null
  let commit = null
  try {
    medusaVersion = require(path.join(ROOT, "node_modules", "@medusajs", "medusa", "package.json")).version
  } catch {}
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] }).toString().trim()
  } catch {}

  const failed = results.filter((r) => r.non2xx || r.errors || r.timeouts)
  const report = {
    bench: "store-api",
    ok: failed.length === 0,
    timestamp: new Date().toISOString(),
    config: {
      products: opts.products,
      variants_per_product: 3,
      currencies: ["usd", "eur", "inr"],
      connections: opts.connections,
      duration_s: opts.duration,
      warmup_s: opts.warmup,
      cache_redis: opts.cacheRedisUrl.replace(/\/\/[^@]*@/, "//"),
    },
    environment: {
      medusa: medusaVersion,
      node: process.version,
      cpus: os.cpus().length,
      cpu_model: os.cpus()[0] && os.cpus()[0].model,
      load_average_at_end: os.loadavg(),
      total_mem_mb: Math.round(os.totalmem() / 1024 / 1024),
      commit,
      database: dbName,
    },
    timings_s: {
      migrate: migrate.seconds,
      seed: seed.seconds,
      server_ready: startup,
      total: (Date.now() - t0) / 1000,
    },
    response_bytes: bytes,
    speedup_warm_over_off: speedup,
    speedup_warm_with_medusa_caching_over_off: speedupCombined,
    stale_window_with_medusa_caching_ms: combinedStale,
    stale_window_ms: staleWindows,
    medusa_caching_stale_window_ms: medusaCachingStale,
    routes: results,
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  const resultFile = path.join(RESULTS_DIR, `store-api-${stamp}.json`)
  fs.writeFileSync(resultFile, JSON.stringify(report, null, 2) + "\n")

  console.log("\n" + table + "\n")
  log(`results written to ${path.relative(ROOT, resultFile)}`)
  if (failed.length) {
    throw Object.assign(new Error(
      `FAILED: non-2xx/errors during the run: ` +
        failed.map((r) => `${r.cache}/${r.mode} ${r.route}: ${r.non2xx} non-2xx ${JSON.stringify(r.status_codes)}, ${r.errors} errors, ${r.timeouts} timeouts`).join("; ")
    ), { plain: true })
  }
}

/**
 * Changes one variant's usd price through the admin API, then reads the product (with prices)
 * every 5 ms until the new price shows; the time from the admin answer to that read is the
 * stale window. The entry is warmed (read twice) before each change.
 */
async function measureStaleWindow({ base, headers, seeded, password, rounds = 10, limitMs = 30000 }) {
  const login = await fetch(`${base}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "bench-admin@example.com", password }),
  })
  const { token } = await login.json()
  const admin = { authorization: `Bearer ${token}`, "content-type": "application/json" }
  const id = seeded.product_id
  const product = (await getJson(`${base}/admin/products/${id}?fields=id,*variants,*variants.prices`, admin)).product
  const variant = product.variants[0]
  const path = `${base}/store/products/${id}?region_id=${seeded.region_id}&fields=id,*variants.calculated_price`
  const priceOf = (body) => body.product.variants.find((v) => v.id === variant.id).calculated_price.calculated_amount
  const windows = []
  for (let round = 1; round <= rounds; round++) {
    await getJson(path, headers)
    const before = priceOf(await getJson(path, headers))
    const amount = before + 1
    const prices = variant.prices.map((p) => ({ id: p.id, currency_code: p.currency_code, amount: p.currency_code === "usd" ? amount : p.amount }))
    const res = await fetch(`${base}/admin/products/${id}/variants/${variant.id}`, { method: "POST", headers: admin, body: JSON.stringify({ prices }) })
    if (res.status !== 200) throw new Error(`price update -> ${res.status}: ${(await res.text()).slice(0, 300)}`)
    const t0 = Date.now()
    while (priceOf(await getJson(path, headers)) !== amount) {
      if (Date.now() - t0 > limitMs) throw new Error(`the new price did not show within ${limitMs / 1000} s (round ${round})`)
      await sleep(5)
    }
    windows.push(Date.now() - t0)
  }
  return windows
}

const watchdog = setTimeout(
  () => cleanupAndExit(1, `overall time limit of ${OVERALL_TIMEOUT_S}s exceeded (BENCH_TIMEOUT), aborting`),
  OVERALL_TIMEOUT_S * 1000
)

main().then(
  async () => {
    clearTimeout(watchdog)
    await cleanup()
    process.exit(0)
  },
  async (err) => {
    clearTimeout(watchdog)
    if (aborting) return // a signal or the watchdog is already cleaning up and will exit
    console.error(`[bench] ${err && err.stack && !err.plain ? err.stack : err && err.message}`)
    await cleanupAndExit(1)
  }
)
