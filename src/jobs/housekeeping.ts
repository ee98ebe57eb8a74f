import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { scheduledJob } from "@indus/observability"
import { appConfig, readAppConfig } from "../config"
import { EMAIL_LOG_MODULE, type EmailLogModuleService } from "@indus/email"

const BATCH = 1000

/** Deletes in batches of 1000 until `sql` (a `delete ... where id in (select ... limit ?)`) hits nothing. */
async function inBatches(db: any, sql: string, params: unknown[]) {
  let total = 0
  for (;;) {
    const r = await db.raw(sql, [...params, BATCH])
    total += r.rowCount ?? 0
    if ((r.rowCount ?? 0) < BATCH) return total
  }
}

/**
 * Trims what the shop no longer needs: carts never completed and untouched for CART_RETENTION_DAYS
 * (soft-deleted with their items, as Medusa's cart module would), and analytics events older than
 * ANALYTICS_RETENTION_DAYS (when the PostgreSQL analytics table exists), and the e-mail log with its
 * outbox copies after EMAIL_LOG_RETENTION_DAYS. Audit rows keep their own
 * job (audit-log-retention, AUDIT_LOG_RETENTION_DAYS).
 */
export async function runHousekeeping(container: MedusaContainer, now = new Date()) {
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const s = appConfig().jobs.housekeeping
  const cartCutoff = new Date(now.getTime() - s.cartDays * 86_400_000)
  const carts = await inBatches(db,
    `with old as (select id from cart where deleted_at is null and completed_at is null and updated_at < ? limit ?),
       items as (update cart_line_item set deleted_at = now() where cart_id in (select id from old) and deleted_at is null)
     update cart set deleted_at = now() where id in (select id from old)`, [cartCutoff])
  let analytics = 0
  const { rows: [{ t }] } = await db.raw(`select to_regclass('analytics_event')::text t`)
  if (t) {
    const cutoff = new Date(now.getTime() - s.analyticsDays * 86_400_000)
    analytics = await inBatches(db, `delete from analytics_event where ctid in (select ctid from analytics_event where occurred_at < ? limit ?)`, [cutoff])
  }
  const emailCutoff = new Date(now.getTime() - s.emailLogDays * 86_400_000)
  const emails = await container.resolve<EmailLogModuleService>(EMAIL_LOG_MODULE).purgeOlderThan(emailCutoff)
  return { carts, analytics, emails }
}

export default scheduledJob("housekeeping", async (container, { logger }) => {
  const r = await runHousekeeping(container)
  logger.info(`job housekeeping: ${r.carts} expired cart(s) removed, ${r.analytics} analytics event(s) trimmed, ${r.emails} old e-mail log entr(ies) removed`)
})

export const config = {
  name: "housekeeping",
  schedule: readAppConfig().jobs.housekeeping.cron,
}
