import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { EventRow } from "./document"

/**
 * Append-only event table in the shop's own PostgreSQL. Created on first use (this provider
 * belongs to Medusa's Analytics Module, which runs no migrations for providers).
 * Inserts are batched; a duplicate id is ignored, so redelivery stores an event once.
 */
export class PostgresEventStore {
  private ready?: Promise<void>

  constructor(private readonly db: Knex, readonly table = "analytics_event") {
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`invalid table name "${table}"`)
  }

  ensureSchema(): Promise<void> {
    this.ready ??= this.db
      .raw(
        `CREATE TABLE IF NOT EXISTS ${this.table} (
           id text PRIMARY KEY,
           event text NOT NULL,
           occurred_at timestamptz NOT NULL,
           actor_id text,
           group_type text,
           group_id text,
           properties jsonb NOT NULL DEFAULT '{}'::jsonb
         );
         CREATE INDEX IF NOT EXISTS ${this.table}_event_time ON ${this.table} (event, occurred_at);`
      )
      .then(() => undefined)
      .catch((e) => {
        this.ready = undefined
        throw e
      })
    return this.ready
  }

  async insert(rows: EventRow[]): Promise<void> {
    if (!rows.length) return
    const write = () =>
      this.db(this.table)
        .insert(rows.map((r) => ({ ...r, properties: JSON.stringify(r.properties) })))
        .onConflict("id")
        .ignore()
    await this.ensureSchema()
    try {
      await write()
    } catch (e) {
      // The table was dropped under us (a database restore): create it again, once.
      if ((e as { code?: string }).code !== "42P01") throw e
      this.ready = undefined
      await this.ensureSchema()
      await write()
    }
  }
}
