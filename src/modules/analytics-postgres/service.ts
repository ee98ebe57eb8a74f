import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Logger, ProviderIdentifyAnalyticsEventDTO, ProviderTrackAnalyticsEventDTO } from "@medusajs/framework/types"
import { AbstractAnalyticsProviderService } from "@medusajs/framework/utils"
import { toEventRow, type EventRow } from "./document"
import { PostgresEventStore } from "./event-store"

export type PostgresAnalyticsOptions = {
  table?: string
  /** Rows per INSERT; the buffer is also written every flushIntervalMs. */
  batchSize?: number
  flushIntervalMs?: number
}

type Deps = { logger: Logger; __pg_connection__: Knex }

/**
 * The embedded default: events go to a table in the shop's PostgreSQL. `track` buffers and
 * resolves at once; a failed INSERT keeps the rows buffered and retries on the next flush.
 */
export default class PostgresAnalyticsProvider extends AbstractAnalyticsProviderService {
  static identifier = "analytics-postgres"
  readonly store: PostgresEventStore
  private buffer: EventRow[] = []
  private timer?: NodeJS.Timeout
  private flushing?: Promise<void>
  private readonly batchSize: number
  private readonly flushIntervalMs: number
  private readonly logger: Logger

  constructor({ logger, __pg_connection__ }: Deps, options: PostgresAnalyticsOptions = {}) {
    super()
    this.logger = logger
    this.store = new PostgresEventStore(__pg_connection__, options.table)
    this.batchSize = options.batchSize ?? 500
    this.flushIntervalMs = options.flushIntervalMs ?? 500
  }

  async track(data: ProviderTrackAnalyticsEventDTO): Promise<void> {
    this.enqueue(toEventRow(data))
  }

  async identify(data: ProviderIdentifyAnalyticsEventDTO): Promise<void> {
    const group = "group" in data ? data.group : undefined
    this.enqueue(toEventRow({ event: "actor.identified", actor_id: data.actor_id, group, properties: data.properties }))
  }

  async shutdown(): Promise<void> {
    await this.flush()
  }

  /** Writes everything buffered so far. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    while (this.flushing) await this.flushing
    if (!this.buffer.length) return
    const batch = this.buffer.splice(0, this.batchSize)
    this.flushing = this.store
      .insert(batch)
      .catch((e) => {
        this.logger.warn(`analytics: storing ${batch.length} event(s) failed, will retry: ${(e as Error).message}`)
        this.buffer.unshift(...batch)
        this.schedule()
        throw e
      })
      .finally(() => (this.flushing = undefined))
    await this.flushing
    if (this.buffer.length) await this.flush()
  }

  private enqueue(row: EventRow) {
    this.buffer.push(row)
    if (this.buffer.length >= this.batchSize) void this.flush().catch(() => undefined)
    else this.schedule()
  }

  private schedule() {
    if (this.timer) return
    this.timer = setTimeout(() => void this.flush().catch(() => undefined), this.flushIntervalMs)
    this.timer.unref?.()
  }
}
