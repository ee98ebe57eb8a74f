#!/usr/bin/env node
// Smoke test of the front door: the committed files, copied as a fresh clone
// would have them, started with `npm start` on embedded PostgreSQL. Checks
// /health and /store/products, then restarts to prove the data survives and
// the seed does not duplicate. node_modules is linked rather than reinstalled.
const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")
const { execSync, spawn } = require("child_process")
const { ROOT, waitForHttp } = require("./lib/run")

const results = []
const check = (name, ok, detail = "") => {
  results.push(ok)
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` (${detail})` : ""}`)
}

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })

function freshCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "smoke-"))
  fs.chmodSync(dir, 0o755) // the embedded database runs as an unprivileged user when we are root
  const files = execSync("git ls-files -z --cached --others --exclude-standard", { cwd: ROOT })
    .toString().split("\0").filter(Boolean)
  for (const f of files) {
    const src = path.join(ROOT, f)
    if (!fs.existsSync(src)) continue
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
    fs.copyFileSync(src, path.join(dir, f))
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"))
  return dir
}

function npmStart(dir, env) {
  const child = spawn("npm", ["start"], { cwd: dir, env, detached: true })
  let out = ""
  child.stdout.on("data", (d) => (out += d))
  child.stderr.on("data", (d) => (out += d))
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve({ code: child.exitCode })
      child.once("exit", (code, signal) => resolve({ code, signal }))
      process.kill(-child.pid, "SIGINT")
      setTimeout(() => { try { process.kill(-child.pid, "SIGKILL") } catch {} }, 20000).unref()
    })
  return { child, output: () => out, stop }
}

async function startAndCheck(dir, env, port, label) {
  const started = Date.now()
  const app = npmStart(dir, env)
  try {
    await waitForHttp(`http://localhost:${port}/health`, { timeoutMs: 300000, child: app.child })
    // The banner follows /health by a moment.
    const deadline = Date.now() + 10000
    while (!/Publishable key\s+pk_/.test(app.output()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    const health = await fetch(`http://localhost:${port}/health`)
    check(`${label}: /health answers 200`, health.status === 200, `${seconds}s to ready`)
    const key = (app.output().match(/Publishable key\s+(pk_[0-9a-f]+)/) || [])[1]
    check(`${label}: start banner prints the publishable key`, !!key)
    check(`${label}: start banner prints the admin login`, /Admin login\s+admin@example\.com/.test(app.output()))
    const res = await fetch(`http://localhost:${port}/store/products?limit=5`, { headers: { "x-publishable-api-key": key || "" } })
    const body = await res.json()
    check(`${label}: /store/products lists the demo catalog`, res.status === 200 && body.count >= 40, `${body.count} products`)
    const admin = await fetch(`http://localhost:${port}/app`)
    check(`${label}: admin dashboard is served at /app`, admin.status === 200)
    return { key, count: body.count, output: app.output() }
  } finally {
    const { code, signal } = await app.stop()
    // npm itself dies of the SIGINT; what matters is that the database shut down with it.
    const pidFile = path.join(dir, ".data", "postgres", "postmaster.pid")
    const deadline = Date.now() + 15000
    while (fs.existsSync(pidFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
    check(`${label}: Ctrl-C stops the server and the embedded database`, !fs.existsSync(pidFile), `exit ${code ?? signal}`)
  }
}

async function main() {
  const dir = freshCopy()
  console.log(`smoke: fresh copy in ${dir}`)
  const port = await freePort()
  const env = { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()) }
  for (const k of ["DATABASE_URL", "REDIS_URL", "MEDUSA_WORKER_MODE", "NODE_ENV", "JWT_SECRET", "COOKIE_SECRET", "ADMIN_PASSWORD", "ADMIN_EMAIL", "MEDUSA_BACKEND_URL"]) delete env[k]
  try {
    const first = await startAndCheck(dir, env, port, "first start")
    check("first start: prints a generated admin password once", /Admin password\s+\S+\s+<- generated/.test(first.output))
    const second = await startAndCheck(dir, env, port, "restart")
    check("restart: same data, nothing duplicated", second.count === first.count && second.key === first.key, `${second.count} products`)
    check("restart: the generated password is not printed again", !/<- generated/.test(second.output))
  } catch (e) {
    check("smoke run", false, e.message)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const failed = results.filter((r) => !r).length
  console.log(`smoke: ${results.length - failed} passed, ${failed} failed`)
  process.exit(failed ? 1 : 0)
}

main()
