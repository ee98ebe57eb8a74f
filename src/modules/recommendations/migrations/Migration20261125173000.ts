import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125173000 extends Migration {
  override async up(): Promise<void> {
    const cols = `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null`
    this.addSql(`create table if not exists "product_recommendation" ("id" text not null, "product_id" text not null, "recommended_product_id" text not null, "together" integer not null, "score" real not null, ${cols}, constraint "product_recommendation_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_product_recommendation_product_id_score" ON "product_recommendation" ("product_id", "score") WHERE deleted_at IS NULL;`)
    this.addSql(`create table if not exists "category_popularity" ("id" text not null, "category_id" text not null, "product_id" text not null, "units" integer not null, ${cols}, constraint "category_popularity_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_category_popularity_category_id_units" ON "category_popularity" ("category_id", "units") WHERE deleted_at IS NULL;`)
    this.addSql(`create table if not exists "complementary_link" ("id" text not null, "product_id" text not null, "linked_product_id" text not null, "position" integer not null default 0, ${cols}, constraint "complementary_link_pkey" primary key ("id"));`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_complementary_link_product_id_linked_product_id_unique" ON "complementary_link" ("product_id", "linked_product_id") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "product_recommendation" cascade;`)
    this.addSql(`drop table if exists "category_popularity" cascade;`)
    this.addSql(`drop table if exists "complementary_link" cascade;`)
  }
}
