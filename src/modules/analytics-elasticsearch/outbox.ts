import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { EventDocument } from "./types"

/**
 * The durable queue for events Elasticsearch could not take yet: a PostgreSQL table, because
 * PostgreSQL is always there (Redis is optional) and a row survives restarts and deploys.
 * Several processes may drain it at once: rows are claimed with FOR UPDATE SKIP LOCKED.
 */
export class PostgresOutbox {
  private ready?: Promise<void>

  constructor(private readonly db: Knex, readonly table = "analytics_es_outbox") {
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`invalid outbox table name "${table}"`)
  }

  ensureSchema(): Promise<void> {
    this.ready ??= this.db
      .raw(
        `CREATE TABLE IF NOT EXISTS ${this.table} (
           id text PRIMARY KEY,
           doc jsonb NOT NULL,
           status text NOT NULL DEFAULT 'pending',
           attempts integer NOT NULL DEFAULT 0,
           last_error text,
           next_attempt_at timestamptz NOT NULL DEFAULT now(),
           created_at timestamptz NOT NULL DEFAULT now()
         );
         CREATE INDEX IF NOT EXISTS ${this.table}_due ON ${this.table} (next_attempt_at) WHERE status = 'pending';`
      )
      .then(() => undefined)
      .catch((e) => {
        this.ready = undefined
        throw e
      })
    return this.ready
  }

  /** Runs `op`, recreating the table once if it was dropped under us (a database restore). */
  private async withSchema<T>(op: () => Promise<T>): Promise<T> {
    await this.ensureSchema()
    try {
      return await op()
    } catch (e) {
      if ((e as { code?: string }).code !== "42P01") throw e
      this.ready = undefined
      await this.ensureSchema()
      return op()
    }
  }

  /** Idempotent: an event already waiting keeps its row. */
  async add(items: { doc: EventDocument; error?: string }[], status: "pending" | "rejected" = "pending"): Promise<void> {
    if (!items.length) return
    const rows = items.map(({ doc, error }) => ({ id: doc.event_id, doc: JSON.stringify(doc), status, last_error: error ?? null }))
    await this.withSchema(() => this.db(this.table).insert(rows).onConflict("id").ignore())
  }

  /**
   * Claims up to `limit` due rows inside a transaction, hands them to `send`, then deletes the
   * delivered ones and reschedules or sets aside the rest, all before the row locks are released.
   */
  async drain(
    limit: number,
    send: (docs: EventDocument[]) => Promise<{ delivered: string[]; retry: Map<string, string>; rejected: Map<string, string> }>,
    retryDelayMs: number
  ): Promise<{ claimed: number; delivered: number }> {
    return this.withSchema(() => this.db.transaction(async (trx) => {
      const rows: { id: string; doc: EventDocument }[] = await trx(this.table)
        .select("id", "doc")
        .where("status", "pending")
        .andWhere("next_attempt_at", "<=", trx.fn.now())
        .orderBy("created_at")
        .limit(limit)
        .forUpdate()
        .skipLocked()
      if (!rows.length) return { claimed: 0, delivered: 0 }
      const result = await send(rows.map((r) => r.doc))
      if (result.delivered.length) await trx(this.table).whereIn("id", result.delivered).delete()
      for (const [id, error] of result.retry) {
        await trx(this.table)
          .where({ id })
          .update({
            attempts: trx.raw("attempts + 1"),
            last_error: error.slice(0, 1000),
            next_attempt_at: new Date(Date.now() + retryDelayMs),
          })
      }
      for (const [id, error] of result.rejected) {
        await trx(this.table).where({ id }).update({ status: "rejected", last_error: error.slice(0, 1000) })
      }
      return { claimed: rows.length, delivered: result.delivered.length }
    }))
  }

  async counts(): Promise<{ pending: number; rejected: number }> {
    const rows = (await this.withSchema(() => this.db(this.table).select("status").count({ n: "*" }).groupBy("status"))) as { status: string; n: string }[]
    const get = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0)
    return { pending: get("pending"), rejected: get("rejected") }
  }
}
