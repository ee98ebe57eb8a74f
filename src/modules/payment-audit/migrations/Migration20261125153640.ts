import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125153640 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_webhook_event" drop constraint if exists "payment_webhook_event_provider_event_id_unique";`);
    this.addSql(`alter table if exists "payment_incident" drop constraint if exists "payment_incident_provider_kind_reference_unique";`);
    this.addSql(`create table if not exists "payment_incident" ("id" text not null, "provider" text not null, "kind" text check ("kind" in ('payment_failed', 'refund_failed')) not null, "reference" text not null, "payment_session_id" text null, "payment_collection_id" text null, "order_id" text null, "amount_minor" numeric null, "currency_code" text null, "reason" text null, "raw_amount_minor" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_incident_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_incident_deleted_at" ON "payment_incident" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_incident_provider_kind_reference_unique" ON "payment_incident" ("provider", "kind", "reference") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_incident_order_id" ON "payment_incident" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_incident_payment_collection_id" ON "payment_incident" ("payment_collection_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payment_webhook_event" ("id" text not null, "provider" text not null, "event_id" text not null, "event_type" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_webhook_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_webhook_event_deleted_at" ON "payment_webhook_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_webhook_event_provider_event_id_unique" ON "payment_webhook_event" ("provider", "event_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_incident" cascade;`);

    this.addSql(`drop table if exists "payment_webhook_event" cascade;`);
  }

}
