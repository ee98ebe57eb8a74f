import fs from "fs"
import os from "os"
import path from "path"
import { adminQuery, createDatabase, databaseExists, dropDatabase, uniqueDatabaseName } from "../database"
import { runMedusa, startMedusa, type MedusaProcess } from "../medusa-process"
import { freePort } from "../ports"
import { stockConfigSource, STOCK_TSCONFIG, type StockModule, type StockPlugin } from "./config"
import { extractInto, pack, runtimeClosure, workspaceRoot } from "./workspace"

export type StockAppOptions = {
  /** Workspace plugins to install from their packed tarballs, with the options the test gives them. */
  plugins?: StockPlugin[]
  /** Module entries for medusa-config (e.g. a plugin's provider under Medusa's payment module). */
  modules?: StockModule[]
  /** Extra environment for every medusa command (REDIS_URL, fixture URLs…). */
  env?: Record<string, string>
}

export type StockApp = {
  dir: string
  databaseUrl: string
  env: NodeJS.ProcessEnv
  /** `medusa db:migrate` (core from a migrated template, then the plugins' own migrations). */
  migrate(): Promise<void>
  /** `medusa user`: a staff login for the admin API. */
  createUser(email: string, password: string): Promise<void>
  start(extraEnv?: Record<string, string>): Promise<MedusaProcess>
  /** Stops the server (if started), drops the database and removes the folder. */
  destroy(): Promise<void>
}

/**
 * A fresh stock Medusa app in a temp folder: Medusa's own packages, the workspace plugins packed
 * with `npm pack` and unpacked where `npm install` would put them, and a medusa-config written
 * here. No code of this project's app is in it; a plugin that leans on something only the shop
 * app has fails here.
 *
 * Medusa and the plugins' other dependencies are linked from the workspace's node_modules (the
 * same versions a lockfile install would bring, without the download); workspace packages
 * (`@indus/*`) come only from their tarballs.
 */
export async function createStockApp(options: StockAppOptions = {}): Promise<StockApp> {
  const root = workspaceRoot()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stock-medusa-"))
  const plugins = options.plugins ?? []
  linkNodeModules(root, dir)
  installWorkspaceTarballs(root, dir, plugins.map((p) => p.resolve))
  writeAppFiles(dir, plugins, options.modules ?? [])

  const dbName = uniqueDatabaseName("stock_app")
  const databaseUrl = await createDatabase(dbName, await coreTemplate(root))
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    JWT_SECRET: "stock-app-jwt-secret",
    COOKIE_SECRET: "stock-app-cookie-secret",
    STORE_CORS: "http://localhost:8000",
    ADMIN_CORS: "http://localhost:9000",
    AUTH_CORS: "http://localhost:9000",
    LOG_LEVEL: "warn",
    ...options.env,
  }
  let server: MedusaProcess | undefined
  return {
    dir,
    databaseUrl,
    env,
    migrate: async () => void (await runMedusa(dir, ["db:migrate"], env)),
    createUser: async (email, password) => void (await runMedusa(dir, ["user", "-e", email, "-p", password], env)),
    async start(extraEnv = {}) {
      server = await startMedusa(dir, { ...env, ...extraEnv }, await freePort())
      return server
    },
    async destroy() {
      await server?.stop()
      await dropDatabase(dbName)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The test runner's env minus what would steer the stock app (ports, worker mode, jest's own). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const key of ["PORT", "REDIS_URL", "MEDUSA_WORKER_MODE", "JEST_WORKER_ID", "NODE_OPTIONS", "DATABASE_URL", "TEST_TYPE"]) delete env[key]
  return env
}

function linkNodeModules(root: string, dir: string) {
  const source = path.join(root, "node_modules")
  const target = path.join(dir, "node_modules")
  fs.mkdirSync(target)
  for (const entry of fs.readdirSync(source)) {
    if (entry === "@indus") continue
    const from = path.join(source, entry)
    if (entry.startsWith("@")) {
      fs.mkdirSync(path.join(target, entry))
      for (const child of fs.readdirSync(from)) fs.symlinkSync(path.join(from, child), path.join(target, entry, child))
    } else {
      fs.symlinkSync(from, path.join(target, entry))
    }
  }
}

function installWorkspaceTarballs(root: string, dir: string, names: string[]) {
  const tarballs = fs.mkdtempSync(path.join(os.tmpdir(), "stock-tarballs-"))
  try {
    for (const p of runtimeClosure(root, names)) {
      extractInto(pack(p.dir, tarballs), path.join(dir, "node_modules", ...p.name.split("/")))
    }
  } finally {
    fs.rmSync(tarballs, { recursive: true, force: true })
  }
}

function writeAppFiles(dir: string, plugins: StockPlugin[], modules: StockModule[]) {
  const medusaVersion = require(path.join(dir, "node_modules/@medusajs/medusa/package.json")).version
  const pkg = {
    name: "stock-medusa-app",
    private: true,
    dependencies: {
      "@medusajs/medusa": medusaVersion,
      "@medusajs/framework": medusaVersion,
      "@medusajs/cli": medusaVersion,
      ...Object.fromEntries(plugins.map((p) => [p.resolve, require(path.join(dir, "node_modules", p.resolve, "package.json")).version])),
    },
  }
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg, null, 2))
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(STOCK_TSCONFIG, null, 2))
  fs.writeFileSync(path.join(dir, "medusa-config.ts"), stockConfigSource(plugins, modules))
  fs.mkdirSync(path.join(dir, "src"))
}

/**
 * A database with Medusa's core migrations applied, made once per Medusa version and cloned for
 * each stock app (CREATE DATABASE … TEMPLATE), so an app only migrates its plugins' own modules.
 * Built under a temporary name and renamed when complete, so a crash never leaves half a template.
 */
async function coreTemplate(root: string): Promise<string> {
  const version = require(path.join(root, "node_modules/@medusajs/medusa/package.json")).version as string
  const name = `indus_stock_core_${version.replace(/\W/g, "_")}`
  if (await databaseExists(name)) return name
  const building = uniqueDatabaseName(`${name}_building`)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stock-medusa-core-"))
  try {
    linkNodeModules(root, dir)
    writeAppFiles(dir, [], [])
    const url = await createDatabase(building)
    await runMedusa(dir, ["db:migrate"], { ...cleanEnv(), NODE_ENV: "production", DATABASE_URL: url, JWT_SECRET: "x", COOKIE_SECRET: "x", LOG_LEVEL: "warn" })
    // Another worker may have finished the same template meanwhile: either copy will do.
    await adminQuery(`ALTER DATABASE "${building}" RENAME TO "${name}"`).catch(async (e) => {
      if (!(await databaseExists(name))) throw e
      await dropDatabase(building)
    })
  } catch (e) {
    await dropDatabase(building).catch(() => {})
    throw e
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return name
}
