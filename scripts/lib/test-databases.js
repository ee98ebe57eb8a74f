// Databases the test stages clone instead of migrating again: PostgreSQL copies a migrated
// database in about a second (CREATE DATABASE … TEMPLATE), where Medusa's migrations take ~30 s.
// Templates are named after the app's source hash, so they are reused until something that shapes
// the schema changes, and a half-built one is never used (built under a temporary name, renamed).
const { Client } = require("@medusajs/framework/pg")
const { medusa, ROOT } = require("./run")
const { appSourceHash } = require("./workspace")

const server = () => process.env.TEST_PG_URL || process.env.E2E_PG_URL || "postgres://postgres@localhost:5432"
const quote = (name) => `"${name.replace(/"/g, '""')}"`

async function pgAdmin(fn) {
  const client = new Client({ connectionString: `${server()}/postgres` })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

const exists = (name) => pgAdmin(async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount > 0)

/**
 * Returns the name of a template database made by `build(url)` (once per source hash).
 * `build` gets the URL of an empty database to fill.
 */
async function ensureTemplate(prefix, build) {
  const name = `${prefix}_${appSourceHash()}`
  if (await exists(name)) return name
  const building = `${name}_building_${process.pid}_${Date.now() % 100000}`
  await pgAdmin((c) => c.query(`CREATE DATABASE ${quote(building)}`))
  try {
    await build(`${server()}/${building}`, building)
    await pgAdmin(async (c) => {
      await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [building])
      await c.query(`ALTER DATABASE ${quote(building)} RENAME TO ${quote(name)}`)
    }).catch(async (e) => {
      if (!(await exists(name))) throw e // another process finished the same template first: use theirs
      await pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${quote(building)} WITH (FORCE)`))
    })
  } catch (e) {
    await pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${quote(building)} WITH (FORCE)`)).catch(() => {})
    throw e
  }
  return name
}

/** The app's schema as Medusa's integration test runner would create it (no migration scripts, no seed). */
function ensureIntegrationTemplate(env = process.env) {
  return ensureTemplate("indus_test_app", (url) =>
    medusa(["db:migrate", "--skip-scripts"], { cwd: ROOT, env: { ...env, NODE_ENV: "test", DATABASE_URL: url, LOG_LEVEL: "error" } })
  )
}

async function cloneDatabase(template, name) {
  await pgAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`)
    await c.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`)
  })
  return `${server()}/${name}`
}

module.exports = { ensureTemplate, ensureIntegrationTemplate, cloneDatabase, pgAdmin }
