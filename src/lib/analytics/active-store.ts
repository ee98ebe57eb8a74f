import { Client } from "@elastic/elasticsearch"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ElasticsearchAnalyticsReader } from "./es-reader"
import { PostgresAnalyticsReader } from "./pg-reader"
import type { AnalyticsReader } from "./reader"

let esClient: Client | undefined

/** The reader for whichever store medusa-config.ts gave the Analytics Module (same env rule). */
export function activeReader(db: Knex, env = process.env): AnalyticsReader {
  if (!env.ELASTICSEARCH_URL) return new PostgresAnalyticsReader(db)
  esClient ??= new Client({
    node: env.ELASTICSEARCH_URL,
    auth: env.ELASTICSEARCH_API_KEY
      ? { apiKey: env.ELASTICSEARCH_API_KEY }
      : env.ELASTICSEARCH_USERNAME
        ? { username: env.ELASTICSEARCH_USERNAME, password: env.ELASTICSEARCH_PASSWORD ?? "" }
        : undefined,
    requestTimeout: 10_000,
  })
  return new ElasticsearchAnalyticsReader(esClient, env.ANALYTICS_ES_PREFIX || "shop")
}
