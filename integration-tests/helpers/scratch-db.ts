import { knex as createKnex } from "@medusajs/framework/mikro-orm/knex"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** The same server the e2e suites use. */
const server = () => process.env.E2E_PG_URL || "postgres://postgres@localhost:5432"

/** A throw-away database on the test PostgreSQL server, for specs that need real SQL but no Medusa app. */
export async function createScratchDatabase(prefix: string): Promise<{ db: Knex; url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now()}`.toLowerCase()
  const admin = createKnex({ client: "pg", connection: `${server()}/postgres` })
  await admin.raw(`CREATE DATABASE "${name}"`)
  const url = `${server()}/${name}`
  const db = createKnex({ client: "pg", connection: url, pool: { min: 0, max: 5 } })
  return {
    db,
    url,
    drop: async () => {
      await db.destroy()
      await admin.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await admin.destroy()
    },
  }
}
