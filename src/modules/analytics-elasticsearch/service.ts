import { Client } from "@elastic/elasticsearch"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Logger, ProviderIdentifyAnalyticsEventDTO, ProviderTrackAnalyticsEventDTO } from "@medusajs/framework/types"
import { AbstractAnalyticsProviderService } from "@medusajs/framework/utils"
import { BulkWriter, DEFAULT_WRITER_OPTIONS } from "./bulk-writer"
import { toEventDocument } from "./document"
import { PostgresOutbox } from "./outbox"
import type { ElasticsearchAnalyticsOptions } from "./types"

type Deps = { logger: Logger; __pg_connection__: Knex }

/**
 * Analytics Module provider writing shop events to Elasticsearch data streams.
 * `track` only buffers: it resolves at once and never throws for network reasons.
 */
export default class ElasticsearchAnalyticsProvider extends AbstractAnalyticsProviderService {
  static identifier = "analytics-elasticsearch"
  readonly writer: BulkWriter
  private readonly logger: Logger

  constructor({ logger, __pg_connection__ }: Deps, options: ElasticsearchAnalyticsOptions) {
    super()
    if (!options?.node) throw new Error("analytics-elasticsearch: the `node` option (ELASTICSEARCH_URL) is required")
    this.logger = logger
    const auth = options.apiKey
      ? { apiKey: options.apiKey }
      : options.username
        ? { username: options.username, password: options.password ?? "" }
        : undefined
    const client = new Client({ node: options.node, auth, maxRetries: 1, requestTimeout: options.requestTimeoutMs ?? 10_000 })
    const outbox = new PostgresOutbox(__pg_connection__, options.outboxTable)
    this.writer = new BulkWriter(client, outbox, logger, {
      dataStreamPrefix: options.dataStreamPrefix ?? DEFAULT_WRITER_OPTIONS.dataStreamPrefix,
      batchSize: options.batchSize ?? DEFAULT_WRITER_OPTIONS.batchSize,
      flushIntervalMs: options.flushIntervalMs ?? DEFAULT_WRITER_OPTIONS.flushIntervalMs,
      maxBuffer: options.maxBuffer ?? DEFAULT_WRITER_OPTIONS.maxBuffer,
      drainIntervalMs: options.drainIntervalMs ?? DEFAULT_WRITER_OPTIONS.drainIntervalMs,
      maxBackoffMs: options.maxBackoffMs ?? DEFAULT_WRITER_OPTIONS.maxBackoffMs,
    })
    this.writer.start()
  }

  async track(data: ProviderTrackAnalyticsEventDTO): Promise<void> {
    this.writer.enqueue(toEventDocument(data))
  }

  async identify(data: ProviderIdentifyAnalyticsEventDTO): Promise<void> {
    const group = "group" in data ? data.group : undefined
    this.writer.enqueue(toEventDocument({ event: "actor.identified", actor_id: data.actor_id, group, properties: data.properties }))
  }

  async shutdown(): Promise<void> {
    await this.writer.close()
  }
}
