import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "upi_transfer" ("id" text not null, "payment_session_id" text not null, "payment_collection_id" text not null, "order_id" text null, "utr" text not null, "amount_paise" integer not null, "status" text check ("status" in ('submitted', 'approved', 'rejected', 'expired')) not null default 'submitted', "decided_by" text null, "decided_at" timestamptz null, "decision_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "upi_transfer_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_upi_transfer_deleted_at" ON "upi_transfer" ("deleted_at") WHERE deleted_at IS NULL;`)
    // Not partial on deleted_at: a UTR, once recorded, can never be recorded again.
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_upi_transfer_utr_unique" ON "upi_transfer" ("utr");`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_upi_transfer_payment_session_id_unique" ON "upi_transfer" ("payment_session_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_upi_transfer_order_id" ON "upi_transfer" ("order_id") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "offline_payment_decision" ("id" text not null, "order_id" text not null, "method" text check ("method" in ('upi', 'cod')) not null, "action" text check ("action" in ('approved', 'rejected', 'expired', 'delivered', 'rto', 'remitted')) not null, "actor_id" text not null, "source" text check ("source" in ('staff', 'statement', 'remittance', 'job')) not null, "reason" text null, "utr" text null, "amount_paise" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "offline_payment_decision_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_offline_payment_decision_deleted_at" ON "offline_payment_decision" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_offline_payment_decision_order_id" ON "offline_payment_decision" ("order_id") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "upi_transfer" cascade;`)
    this.addSql(`drop table if exists "offline_payment_decision" cascade;`)
  }
}
