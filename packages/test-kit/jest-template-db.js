// When MEDUSA_TEST_DB_TEMPLATE names a database already migrated for the app under test, every
// Medusa integration suite's database is cloned from it (CREATE DATABASE … TEMPLATE) instead of
// being created empty: Medusa's test runner then finds every migration applied and skips straight
// to booting. `npm test` builds that template once per run; without the variable nothing changes.
const template = process.env.MEDUSA_TEST_DB_TEMPLATE
if (template) {
  let database
  try {
    database = require("@medusajs/test-utils/dist/database")
  } catch {}
  if (database?.dbTestUtilFactory) {
    const { Client } = require("@medusajs/framework/pg")
    const original = database.dbTestUtilFactory
    const quote = (name) => `"${name.replace(/"/g, '""')}"`
    database.dbTestUtilFactory = () => {
      const utils = original()
      const create = utils.create
      utils.create = async function (dbName) {
        const client = new Client({
          host: process.env.DB_HOST ?? "localhost",
          user: process.env.DB_USERNAME ?? "postgres",
          password: process.env.DB_PASSWORD || undefined,
          port: Number(process.env.DB_PORT ?? 5432),
          database: "postgres",
        })
        await client.connect()
        try {
          await client.query(`CREATE DATABASE ${quote(dbName)} TEMPLATE ${quote(template)}`)
        } catch (e) {
          if (e.code !== "42P04") return create.call(this, dbName) // anything but "exists": fall back to an empty one
        } finally {
          await client.end()
        }
      }
      return utils
    }
  }
}
