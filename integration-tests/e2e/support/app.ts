import { spawn, type ChildProcess } from "child_process"
import fs from "fs"
import net from "net"
import os from "os"
import path from "path"
import { Client } from "pg"

// Shared with `npm start`, so the e2e suites exercise the same start-up pieces.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { medusa, waitForHttp, ROOT, MEDUSA_BIN } = require("../../../scripts/lib/run")

export { ROOT }
const PG_BASE = process.env.E2E_PG_URL || "postgres://postgres@localhost:5432"

export const ADMIN = { email: "e2e-admin@example.com", password: "e2e-admin-password-1" }

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
    srv.on("error", reject)
  })
}

async function adminQuery(sql: string) {
  const client = new Client({ connectionString: `${PG_BASE}/postgres` })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** A database of its own, migrated and bootstrapped exactly as `npm start` does. */
export async function prepareDatabase(name: string, port: number, extraEnv: Record<string, string> = {}) {
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await adminQuery(`CREATE DATABASE "${name}"`)
  const env = baseEnv({ DATABASE_URL: `${PG_BASE}/${name}`, ...extraEnv })
  await medusa(["db:migrate"], { env })
  const summaryFile = path.join(os.tmpdir(), `bootstrap-${name}.json`)
  await medusa(["exec", "./src/scripts/bootstrap.ts"], {
    // PORT only tells the seed which URL serves the product images.
    env: { ...env, PORT: String(port), BOOTSTRAP_SUMMARY_FILE: summaryFile, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
  })
  const summary = JSON.parse(fs.readFileSync(summaryFile, "utf8"))
  fs.rmSync(summaryFile)
  return { env, summary: summary as { publishable_key: string; product_count: number } }
}

export const dropDatabase = (name: string) => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)

export function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of ["PORT", "REDIS_URL", "MEDUSA_WORKER_MODE", "JEST_WORKER_ID", "NODE_OPTIONS"]) delete env[key]
  return {
    ...env,
    NODE_ENV: "production",
    JWT_SECRET: "e2e-jwt-secret",
    COOKIE_SECRET: "e2e-cookie-secret",
    LOG_LEVEL: "info",
    ...extra,
  }
}

export type RunningMedusa = {
  child: ChildProcess
  url: string
  output: () => string
  stop: () => Promise<void>
}

/** `medusa start` as its own process group, as a deployment would run it. */
export async function startMedusa(env: NodeJS.ProcessEnv, port: number): Promise<RunningMedusa> {
  const child = spawn(MEDUSA_BIN, ["start", "-p", String(port)], { cwd: ROOT, env, detached: true })
  let out = ""
  child.stdout!.on("data", (d) => (out += d))
  child.stderr!.on("data", (d) => (out += d))
  const url = `http://localhost:${port}`
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once("exit", () => resolve())
      try {
        process.kill(-child.pid!, "SIGTERM")
      } catch {
        resolve()
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL")
        } catch {}
      }, 10000).unref()
    })
  try {
    await waitForHttp(`${url}/health`, { timeoutMs: 120000, child })
  } catch (e) {
    await stop()
    throw new Error(`${(e as Error).message}\n${out.slice(-4000)}`)
  }
  return { child, url, output: () => out, stop }
}

export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await fn()
    if (value) return value
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`)
}
