import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { addDays, type AnalyticsReader, type RevenueRow } from "./reader"

/** How far back the first rollup reaches: the events' retention (ILM deletes after 400 days). */
export const FIRST_ROLLUP_DAYS = 400

/** Idempotent DDL, run before each use: cheap, and survives the tables being dropped by a restore. */
export function ensureRollupSchema(db: Knex) {
  return db
    .raw(
      `CREATE TABLE IF NOT EXISTS analytics_daily_rollup (
         day date NOT NULL,
         region_id text NOT NULL,
         currency text NOT NULL,
         revenue_minor bigint NOT NULL,
         orders integer NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (day, region_id, currency)
       );
       CREATE TABLE IF NOT EXISTS analytics_rollup_state (
         id integer PRIMARY KEY CHECK (id = 1),
         through_day date NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now()
       );`
    )
    .catch((e: { code?: string }) => {
      // two requests creating the tables at the same moment: the other one won
      if (e.code !== "23505" && e.code !== "42P07") throw e
    })
}

export async function rolledUpThrough(db: Knex): Promise<string | null> {
  await ensureRollupSchema(db)
  const row = await db("analytics_rollup_state").select(db.raw("to_char(through_day, 'YYYY-MM-DD') AS day")).where({ id: 1 }).first()
  return row?.day ?? null
}

/**
 * Recomputes revenue, orders (and so AOV) per region, currency and day for every finished day
 * not rolled up yet, plus the last rolled-up day again to catch late events, from the active
 * store. Idempotent: a day's rows are replaced, never added to.
 */
export async function runDailyRollup(reader: AnalyticsReader, db: Knex, now = new Date()) {
  await ensureRollupSchema(db)
  const yesterday = addDays(now.toISOString().slice(0, 10), -1)
  const through = await rolledUpThrough(db)
  const from = through ? addDays(through, -1) : addDays(yesterday, -FIRST_ROLLUP_DAYS + 1)
  if (from > yesterday) return { from, to: yesterday, rows: 0 }
  const rows: RevenueRow[] = await reader.dailyRevenue({ from, to: yesterday })
  await db.transaction(async (trx) => {
    await trx("analytics_daily_rollup").where("day", ">=", from).andWhere("day", "<=", yesterday).delete()
    if (rows.length) await trx("analytics_daily_rollup").insert(rows.map((r) => ({ ...r, updated_at: trx.fn.now() })))
    await trx.raw(
      `INSERT INTO analytics_rollup_state (id, through_day) VALUES (1, ?)
       ON CONFLICT (id) DO UPDATE SET through_day = EXCLUDED.through_day, updated_at = now()`,
      [yesterday]
    )
  })
  return { from, to: yesterday, rows: rows.length }
}

/** Rolled-up rows of an inclusive day range. */
export async function rollupRows(db: Knex, from: string, to: string): Promise<RevenueRow[]> {
  await ensureRollupSchema(db)
  const rows = await db("analytics_daily_rollup")
    .select(db.raw("to_char(day, 'YYYY-MM-DD') AS day"), "region_id", "currency", "revenue_minor", "orders")
    .where("day", ">=", from)
    .andWhere("day", "<=", to)
  return rows.map((r: any) => ({ ...r, revenue_minor: Number(r.revenue_minor), orders: Number(r.orders) }))
}
