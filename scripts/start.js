#!/usr/bin/env node
// `npm start`: everything a fresh clone needs, then the Medusa server.
//   no DATABASE_URL -> embedded PostgreSQL in .data/postgres (persists across restarts)
//   migrations, idempotent demo seed, admin user, admin build -> medusa start on :3001
// MEDUSA_WORKER_MODE=server|worker splits API and background work (needs DATABASE_URL + REDIS_URL).
const crypto = require("crypto")
const fs = require("fs")
const path = require("path")
const { spawn } = require("child_process")
const { ROOT, MEDUSA_BIN, medusa, waitForHttp } = require("./lib/run")
const { startEmbeddedPostgres } = require("./lib/embedded-postgres")
const { ensureAdminBuild } = require("./lib/admin-build")
const { buildWorkspace } = require("./build-workspace")

const DATA_DIR = path.join(ROOT, ".data")
const dev = process.argv.includes("--dev")
process.env.NODE_ENV = process.env.NODE_ENV || (dev ? "development" : "production")
process.chdir(ROOT)
require("@medusajs/framework/utils").loadEnv(process.env.NODE_ENV, ROOT)

const mode = process.env.MEDUSA_WORKER_MODE || "shared"
const port = process.env.PORT || (mode === "worker" ? "3002" : "3001")
const log = (msg) => console.log(`[start] ${msg}`)

function fail(msg) {
  console.error(`[start] ${msg}`)
  process.exit(1)
}

/** Secrets a newcomer never has to invent: generated once, kept in the git-ignored .data folder. */
function ensureLocalSecrets() {
  if (process.env.JWT_SECRET && process.env.COOKIE_SECRET) return
  if (process.env.REQUIRE_SECRETS === "true") {
    fail("JWT_SECRET and COOKIE_SECRET must be set (REQUIRE_SECRETS=true).")
  }
  const file = path.join(DATA_DIR, "secrets.json")
  fs.mkdirSync(DATA_DIR, { recursive: true })
  const saved = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {}
  for (const key of ["JWT_SECRET", "COOKIE_SECRET"]) {
    saved[key] = saved[key] || crypto.randomBytes(32).toString("hex")
    process.env[key] = process.env[key] || saved[key]
  }
  fs.writeFileSync(file, JSON.stringify(saved, null, 2), { mode: 0o600 })
}

/** A DATABASE_URL naming a database that does not exist yet gets it created, as with the embedded one. */
async function createDatabaseIfMissing(url) {
  const { Client } = require("pg")
  const probe = new Client({ connectionString: url })
  try {
    await probe.connect()
    return
  } catch (e) {
    if (e.code !== "3D000") throw new Error(`cannot connect to DATABASE_URL: ${e.message}`)
  } finally {
    await probe.end().catch(() => {})
  }
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  target.pathname = "/postgres"
  const admin = new Client({ connectionString: target.toString() })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
    log(`created database ${name}`)
  } finally {
    await admin.end()
  }
}

async function ensureDatabase() {
  if (process.env.DATABASE_URL) {
    if (mode !== "worker") await createDatabaseIfMissing(process.env.DATABASE_URL)
    return null
  }
  if (mode !== "shared") {
    fail(`MEDUSA_WORKER_MODE=${mode} shares state with other processes: set DATABASE_URL and REDIS_URL.`)
  }
  const pgPort = Number(process.env.EMBEDDED_PG_PORT || 54329)
  const dataDir = process.env.EMBEDDED_PG_DIR || path.join(DATA_DIR, "postgres")
  const started = Date.now()
  const pg = await startEmbeddedPostgres({
    dataDir,
    port: pgPort,
    database: "medusa",
    log: (m) => process.env.EMBEDDED_PG_VERBOSE === "true" && console.log(`[postgres] ${m}`),
  })
  process.env.DATABASE_URL = pg.url
  log(`embedded PostgreSQL ready on localhost:${pgPort} in ${Date.now() - started}ms (data: ${path.relative(ROOT, dataDir)})`)
  return pg
}

async function bootstrapData() {
  const summaryFile = path.join(DATA_DIR, `bootstrap-${process.pid}.json`)
  const env = { ...process.env, BOOTSTRAP_SUMMARY_FILE: summaryFile }
  const { seconds } = await medusa(["exec", "./src/scripts/bootstrap.ts"], { env })
  const summary = JSON.parse(fs.readFileSync(summaryFile, "utf8"))
  fs.rmSync(summaryFile) // it may hold a generated password: shown once, never stored
  log(`demo data and admin user checked in ${seconds}s`)
  return summary
}

function printBanner(summary) {
  const base = process.env.MEDUSA_BACKEND_URL || `http://localhost:${port}`
  const lines = [
    "",
    "  Shop is ready",
    `  Store API        ${base}/store   (header x-publishable-api-key)`,
    `  Admin dashboard  ${base}/app`,
    `  Health           ${base}/health`,
  ]
  if (summary) {
    lines.push(`  Publishable key  ${summary.publishable_key ?? "(none)"}`)
    lines.push(`  Admin login      ${summary.admin_email}`)
    if (summary.admin_password) {
      lines.push(`  Admin password   ${summary.admin_password}   <- generated; shown only this once`)
    } else {
      lines.push(`  Admin password   ${summary.admin_password_source}`)
    }
    lines.push(`  Catalog          ${summary.product_count} products in ${summary.region_names.join(", ")}`)
  }
  console.log(lines.join("\n") + "\n")
}

async function main() {
  ensureLocalSecrets()
  if (mode !== "shared" && !process.env.REDIS_URL) {
    fail(`MEDUSA_WORKER_MODE=${mode} needs REDIS_URL so the server and worker share events and workflows.`)
  }
  const pg = await ensureDatabase().catch((e) => fail(e.message))
  const stopDb = async () => pg && (await pg.stop().catch(() => {}))

  let summary = null
  try {
    await buildWorkspace()
    const adminBuild =
      mode !== "worker" && !dev && process.env.ADMIN_DISABLED !== "true"
        ? ensureAdminBuild(process.env, log)
        : Promise.resolve()
    if (mode !== "worker" && process.env.MEDUSA_SKIP_MIGRATIONS !== "true") {
      const { seconds } = await medusa(["db:migrate"])
      log(`migrations applied in ${seconds}s`)
    }
    if (mode !== "worker") summary = await bootstrapData()
    await adminBuild
  } catch (e) {
    await stopDb()
    fail(e.message)
  }

  const child = spawn(MEDUSA_BIN, [dev ? "develop" : "start", "-p", port], {
    cwd: ROOT,
    env: process.env,
    stdio: "inherit",
  })
  const shutdown = (signal) => child.exitCode === null && child.kill(signal)
  process.on("SIGINT", () => shutdown("SIGINT"))
  process.on("SIGTERM", () => shutdown("SIGTERM"))
  child.on("exit", async (code, signal) => {
    await stopDb()
    process.exit(code ?? (signal ? 1 : 0))
  })

  await waitForHttp(`http://localhost:${port}/health`, { timeoutMs: 180000, child })
  log(`medusa (${mode} mode) is listening on :${port}`)
  if (mode !== "worker") printBanner(summary)
}

main().catch((e) => fail(e.stack || e.message))
