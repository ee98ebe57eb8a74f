#!/usr/bin/env node
/**
 * Overhead of our ops middleware stack (request ids + log context, HTTP metrics, rate limiter,
 * audit hook) on GET /store/products: two servers on one freshly seeded database, identical but
 * for OPS_MIDDLEWARE=on|off, measured in alternating rounds in one run.
 *
 *   node bench/overhead/run.js [--products N] [--duration S] [--rounds R] [--connections C] [--redis URL] [--sequential]
 *
 * By default each round loads both servers at the same time (C connections each), so load from
 * other work on the machine hits both alike; --sequential measures them one after the other.
 *
 * Env: BENCH_PRODUCTS (300), BENCH_DURATION (10 s per round and mode), BENCH_ROUNDS (3),
 * BENCH_CONNECTIONS (10), BENCH_REDIS_URL (rate limiter on Redis instead of in memory),
 * BENCH_DATABASE_URL (postgres://postgres@localhost:5432). Target: at most 5% throughput loss.
 * Prints a table and writes bench/results/overhead-<timestamp>.json. Servers stopped and the
 * database dropped on every exit path.
 */
"use strict"

const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")
const { spawn } = require("child_process")

const ROOT = path.resolve(__dirname, "..", "..")
const RESULTS_DIR = path.join(ROOT, "bench", "results")

function parseArgs(argv) {
  const o = {
    products: Number(process.env.BENCH_PRODUCTS || 300),
    duration: Number(process.env.BENCH_DURATION || 10),
    rounds: Number(process.env.BENCH_ROUNDS || 3),
    connections: Number(process.env.BENCH_CONNECTIONS || 10),
    redis: process.env.BENCH_REDIS_URL || "",
    sequential: false,
  }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--sequential") {
      o.sequential = true
      continue
    }
    const [flag, inline] = argv[i].split(/=(.*)/s)
    const value = inline !== undefined ? inline : argv[++i]
    const key = { "--products": "products", "--duration": "duration", "--rounds": "rounds", "--connections": "connections", "--redis": "redis" }[flag]
    if (!key) {
      console.error(`[overhead] unknown argument ${flag}`)
      process.exit(2)
    }
    o[key] = key === "redis" ? value : Number(value)
  }
  for (const k of ["products", "duration", "rounds", "connections"]) {
    if (!Number.isInteger(o[k]) || o[k] < 1) {
      console.error(`[overhead] --${k} must be a positive integer`)
      process.exit(2)
    }
  }
  return o
}

const opts = parseArgs(process.argv.slice(2))
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14)
const dbName = `bench_overhead_${stamp}`
const base = new URL(process.env.BENCH_DATABASE_URL || "postgres://postgres@localhost:5432")
const dbUrl = (db) => Object.assign(new URL(base.href), { pathname: `/${db}` }).href
const log = (m) => console.log(`[overhead] ${m}`)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const medusaCli = fs.realpathSync(path.join(ROOT, "node_modules", ".bin", "medusa"))
const children = new Set()
let dbCreated = false

function env(extra = {}) {
  const e = {
    ...process.env,
    DATABASE_URL: dbUrl(dbName),
    NODE_ENV: "production",
    ADMIN_DISABLED: "true",
    LOG_LEVEL: "error",
    JWT_SECRET: "bench-jwt-secret",
    COOKIE_SECRET: "bench-cookie-secret",
    REDIS_URL: "",
    MEDUSA_WORKER_MODE: "shared",
    // The limiter runs its full path on every request but never rejects the bench's single IP.
    RATE_LIMIT_CATALOG: "1000000000/1m",
    ...extra,
  }
  delete e.PORT
  return e
}

function spawnMedusa(args, e) {
  const child = spawn(process.execPath, [medusaCli, ...args], { cwd: ROOT, env: e, detached: true, stdio: ["ignore", "pipe", "pipe"] })
  child.tail = ""
  const keep = (d) => (child.tail = (child.tail + d).slice(-8000))
  child.stdout.on("data", keep)
  child.stderr.on("data", keep)
  child.exited = new Promise((r) => child.on("exit", (code) => r(code)))
  children.add(child)
  child.exited.then(() => children.delete(child))
  return child
}

async function run(args, e, timeoutMs) {
  const child = spawnMedusa(args, e)
  const timer = setTimeout(() => process.kill(-child.pid, "SIGKILL"), timeoutMs)
  const code = await child.exited
  clearTimeout(timer)
  if (code !== 0) throw new Error(`medusa ${args.join(" ")} failed (${code}):\n${child.tail}`)
}

async function adminQuery(sql) {
  const { Client } = require("pg")
  const c = new Client({ connectionString: dbUrl("postgres") })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

/** utime + stime of a process in seconds (Linux, CLK_TCK 100): CPU per request is far less noisy than req/s on a shared box. */
function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    return (Number(f[11]) + Number(f[12])) / 100
  } catch {
    return NaN
  }
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer()
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

const MODES = {
  off: { OPS_MIDDLEWARE: "off" },
  on: { OPS_MIDDLEWARE: "on" },
  "on-no-ctx": { OPS_MIDDLEWARE: "on", OPS_REQUEST_CONTEXT: "off" },
}

async function startServer(mode) {
  const port = await freePort()
  const extra = { ...MODES[mode] }
  if (opts.redis) extra.REDIS_URL = opts.redis
  const child = spawnMedusa(["start", "-p", String(port)], env(extra))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 180000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server (${mode}) exited:\n${child.tail}`)
    try {
      if ((await fetch(`${url}/health`)).ok) return { mode, url, child }
    } catch {}
    await sleep(300)
  }
  throw new Error(`server (${mode}) did not start:\n${child.tail}`)
}

async function cleanup() {
  for (const c of [...children]) {
    try {
      process.kill(-c.pid, "SIGTERM")
    } catch {}
    await Promise.race([c.exited, sleep(8000)])
  }
  if (dbCreated) await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((e) => console.error(e.message))
}
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => cleanup().finally(() => process.exit(130)))

async function main() {
  const autocannon = require("autocannon")
  await adminQuery(`CREATE DATABASE "${dbName}"`)
  dbCreated = true
  await run(["db:migrate"], env(), 300000)
  const seedOut = path.join(os.tmpdir(), `bench-overhead-${stamp}.json`)
  await run(["exec", "./bench/store-api/seed-products.ts", seedOut, String(opts.products)], env({ BENCH_SEED_OUT: seedOut, BENCH_PRODUCTS: String(opts.products) }), 600000)
  const seeded = JSON.parse(fs.readFileSync(seedOut, "utf8"))
  fs.rmSync(seedOut, { force: true })
  log(`seeded ${opts.products} products into ${dbName}`)

  const servers = {}
  for (const mode of Object.keys(MODES)) servers[mode] = await startServer(mode)
  const headers = { "x-publishable-api-key": seeded.publishable_key }
  const pathQ = "/store/products?limit=20"
  for (const s of Object.values(servers)) {
    const res = await fetch(s.url + pathQ, { headers })
    const body = await res.json()
    if (res.status !== 200 || body.count !== opts.products) throw new Error(`${s.mode}: unexpected response ${res.status} count ${body.count}`)
    const hasId = res.headers.has("x-request-id") && res.headers.has("ratelimit-limit")
    if (hasId !== (s.mode !== "off")) throw new Error(`${s.mode}: the stack is ${hasId ? "active" : "missing"}`)
    await autocannon({ url: s.url + pathQ, connections: opts.connections, duration: 3, headers }) // warm-up
  }

  const samples = Object.fromEntries(Object.keys(MODES).map((m) => [m, []]))
  const measure = async (mode, r) => {
    const cpu0 = cpuSeconds(servers[mode].child.pid)
    const res = await autocannon({ url: servers[mode].url + pathQ, connections: opts.connections, duration: opts.duration, headers, timeout: 10 })
    const cpu = cpuSeconds(servers[mode].child.pid) - cpu0
    if (res.non2xx || res.errors || res.timeouts) throw new Error(`${mode}: ${res.non2xx} non-2xx, ${res.errors} errors, ${res.timeouts} timeouts`)
    const cpuMs = Math.round((cpu * 1000 * 100) / res.requests.total) / 100
    samples[mode].push({ rps: res.requests.average, p99: res.latency.p99, p50: res.latency.p50, total: res.requests.total, cpu_s: cpu, cpu_ms_per_req: cpuMs })
    log(`round ${r + 1} ${mode.padEnd(9)}: ${res.requests.average.toFixed(1)} req/s, p50 ${res.latency.p50} ms, p99 ${res.latency.p99} ms, server CPU ${cpuMs} ms/req`)
  }
  for (let r = 0; r < opts.rounds; r++) {
    const modes = Object.keys(MODES)
    if (opts.sequential) {
      // Rotate which mode goes first, so drift hits all alike.
      for (let k = 0; k < modes.length; k++) await measure(modes[(k + r) % modes.length], r)
    } else {
      // All at once, each with its own connections: they share the machine's CPU in the same
      // seconds, so whatever else runs on it slows all alike and the cheaper one serves more.
      await Promise.all(modes.map((m) => measure(m, r)))
    }
  }
  const summary = (mode) => {
    const s = samples[mode]
    const total = s.reduce((a, x) => a + x.total, 0)
    const cpu = s.reduce((a, x) => a + x.cpu_s, 0)
    return {
      req_per_s: Math.round((total / (s.length * opts.duration)) * 10) / 10,
      cpu_ms_per_req: Math.round((cpu * 1000 * 100) / total) / 100,
      p50_ms: Math.max(...s.map((x) => x.p50)),
      p99_ms: Math.max(...s.map((x) => x.p99)),
      rounds: s,
    }
  }
  const on = summary("on")
  const off = summary("off")
  const noCtx = summary("on-no-ctx")
  const loss = (x) => Math.round(((off.req_per_s - x.req_per_s) / off.req_per_s) * 1000) / 10
  const cpuDelta = (x) => Math.round(((x.cpu_ms_per_req - off.cpu_ms_per_req) / off.cpu_ms_per_req) * 1000) / 10
  const lossPct = loss(on)
  console.log("")
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs`)
  console.log(`GET ${pathQ}, ${opts.products} products, ${opts.connections} connections per server, ${opts.rounds} x ${opts.duration}s per mode ${opts.sequential ? "one after the other" : "side by side"}, limiter ${opts.redis ? "on Redis" : "in memory"}`)
  const cpuPct = cpuDelta(on)
  console.log("| stack | req/s | p50 ms (worst round) | p99 ms (worst round) | server CPU ms/req |")
  console.log("|---|---|---|---|---|")
  console.log(`| off | ${off.req_per_s} | ${off.p50_ms} | ${off.p99_ms} | ${off.cpu_ms_per_req} |`)
  console.log(`| on  | ${on.req_per_s} | ${on.p50_ms} | ${on.p99_ms} | ${on.cpu_ms_per_req} |`)
  console.log(`| on, OPS_REQUEST_CONTEXT=off | ${noCtx.req_per_s} | ${noCtx.p50_ms} | ${noCtx.p99_ms} | ${noCtx.cpu_ms_per_req} |`)
  console.log(`throughput loss with the stack on: ${lossPct}% (target <= 5%) -> ${lossPct <= 5 ? "OK" : "OVER TARGET"}`)
  console.log(`server CPU per request with the stack on: ${cpuPct >= 0 ? "+" : ""}${cpuPct}%`)
  console.log(`without the AsyncLocalStorage (OPS_REQUEST_CONTEXT=off): throughput loss ${loss(noCtx)}%, CPU per request ${cpuDelta(noCtx) >= 0 ? "+" : ""}${cpuDelta(noCtx)}%`)
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  const file = path.join(RESULTS_DIR, `overhead-${stamp}.json`)
  fs.writeFileSync(file, JSON.stringify({ opts, on, off, on_without_context: noCtx, throughput_loss_pct: lossPct, throughput_loss_without_context_pct: loss(noCtx), cpu_per_request_delta_pct: cpuPct, ok: lossPct <= 5, load_average: os.loadavg() }, null, 2))
  log(`wrote ${path.relative(ROOT, file)}`)
}

main()
  .then(() => cleanup())
  .catch(async (e) => {
    console.error(`[overhead] ${e.stack || e}`)
    await cleanup()
    process.exit(1)
  })
