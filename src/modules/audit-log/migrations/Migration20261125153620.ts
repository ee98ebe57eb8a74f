import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125153620 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "audit_log_entry" ("id" text not null, "actor_id" text null, "actor_type" text null, "method" text not null, "route" text not null, "path" text not null, "entity_id" text null, "entity_ids" jsonb null, "status_code" integer not null, "outcome" text check ("outcome" in ('success', 'failure')) not null, "ip" text null, "request_id" text null, "body" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "audit_log_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_log_entry_deleted_at" ON "audit_log_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_log_entry_created_at" ON "audit_log_entry" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_log_entry_actor_id_created_at" ON "audit_log_entry" ("actor_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_audit_log_entry_entity_id" ON "audit_log_entry" ("entity_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_log_entry" cascade;`);
  }

}
