import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125200617 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "email_message" ("id" text not null, "idempotency_key" text null, "notification_id" text null, "template" text not null, "to" text not null, "subject" text not null, "status" text check ("status" in ('sent', 'outbox', 'failed')) not null, "provider_id" text null, "message_id" text null, "error_code" text null, "error_kind" text null, "error_message" text null, "attempts" integer not null default 1, "resource_type" text null, "resource_id" text null, "html" text null, "text" text null, "attachments" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "email_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_email_message_deleted_at" ON "email_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_email_message_idempotency_key_unique" ON "email_message" ("idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_email_message_created_at" ON "email_message" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_email_message_status_created_at" ON "email_message" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_email_message_template" ON "email_message" ("template") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "email_message" cascade;`);
  }

}
