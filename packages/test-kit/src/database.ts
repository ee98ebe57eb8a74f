import { knex as createKnex } from "@medusajs/framework/mikro-orm/knex"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { randomBytes } from "crypto"

/** The PostgreSQL server tests use (trust auth); one database per test, never a shared one. */
export const pgServerUrl = () => process.env.TEST_PG_URL || process.env.E2E_PG_URL || "postgres://postgres@localhost:5432"

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Runs one statement on the server's maintenance database (CREATE/DROP DATABASE). */
export async function adminQuery(sql: string): Promise<void> {
  const admin = createKnex({ client: "pg", connection: `${pgServerUrl()}/postgres`, pool: { min: 0, max: 1 } })
  try {
    await admin.raw(sql)
  } finally {
    await admin.destroy()
  }
}

/** A unique database name with a readable prefix (lower case, as PostgreSQL folds it). */
export const uniqueDatabaseName = (prefix: string) => `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`.toLowerCase()

export async function createDatabase(name: string, template?: string): Promise<string> {
  await adminQuery(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`)
  await adminQuery(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ""}`)
  return `${pgServerUrl()}/${name}`
}

export const dropDatabase = (name: string) => adminQuery(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`)

export async function databaseExists(name: string): Promise<boolean> {
  const admin = createKnex({ client: "pg", connection: `${pgServerUrl()}/postgres`, pool: { min: 0, max: 1 } })
  try {
    const { rows } = await admin.raw("SELECT 1 FROM pg_database WHERE datname = ?", [name])
    return rows.length > 0
  } finally {
    await admin.destroy()
  }
}

/** A throw-away database for specs that need real SQL but no Medusa app. */
export async function createScratchDatabase(prefix: string): Promise<{ db: Knex; url: string; drop: () => Promise<void> }> {
  const name = uniqueDatabaseName(prefix)
  const url = await createDatabase(name)
  const db = createKnex({ client: "pg", connection: url, pool: { min: 0, max: 5 } })
  return {
    db,
    url,
    drop: async () => {
      await db.destroy()
      await dropDatabase(name)
    },
  }
}
