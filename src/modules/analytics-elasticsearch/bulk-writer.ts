import type { Client } from "@elastic/elasticsearch"
import { backoffMs, bulkOperations, classifyBulkItems, isTransient } from "./bulk-result"
import { dataStreamFor } from "./document"
import type { PostgresOutbox } from "./outbox"
import type { BulkOutcome, EventDocument } from "./types"

type Logger = { info(m: string): void; warn(m: string): void; error(m: string): void }

export type BulkWriterOptions = {
  dataStreamPrefix: string
  batchSize: number
  flushIntervalMs: number
  maxBuffer: number
  drainIntervalMs: number
  maxBackoffMs: number
}

export const DEFAULT_WRITER_OPTIONS: BulkWriterOptions = {
  dataStreamPrefix: "shop",
  batchSize: 500,
  flushIntervalMs: 1000,
  maxBuffer: 10_000,
  drainIntervalMs: 2000,
  maxBackoffMs: 60_000,
}

/**
 * Buffers events in memory and writes them with `_bulk` (one `create` per event, id = event_id).
 * Whatever the cluster does not accept — it is down, it answers 429/5xx, or single items fail —
 * goes to the PostgreSQL outbox, which a drain loop empties with exponential backoff once the
 * cluster answers again. `enqueue` never waits on the network and never throws.
 */
export class BulkWriter {
  private buffer: EventDocument[] = []
  private timer?: NodeJS.Timeout
  private drainTimer?: NodeJS.Timeout
  private flushing?: Promise<void>
  private failures = 0
  private closed = false
  readonly stats = { enqueued: 0, delivered: 0, spilled: 0, rejected: 0, bulkRequests: 0 }

  constructor(
    private readonly client: Client,
    private readonly outbox: PostgresOutbox,
    private readonly logger: Logger,
    private readonly options: BulkWriterOptions = DEFAULT_WRITER_OPTIONS
  ) {}

  enqueue(doc: EventDocument): void {
    this.stats.enqueued++
    if (this.closed || this.buffer.length >= this.options.maxBuffer) {
      void this.spill([{ doc, error: "buffer full" }])
      return
    }
    this.buffer.push(doc)
    if (this.buffer.length >= this.options.batchSize) void this.flush()
    else this.schedule()
  }

  /**
   * Sends everything buffered so far; resolves once it is in Elasticsearch or in the outbox.
   * Events put back because PostgreSQL is down too wait for the next timer, not a tight loop.
   */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    while (this.flushing) await this.flushing
    let remaining = this.buffer.length
    while (remaining > 0 && this.buffer.length) {
      const batch = this.buffer.splice(0, Math.min(this.options.batchSize, remaining))
      remaining -= batch.length
      this.flushing = this.sendAndSpill(batch).finally(() => (this.flushing = undefined))
      await this.flushing
    }
    if (this.buffer.length) this.schedule()
  }

  private schedule() {
    if (this.timer) return
    this.timer = setTimeout(() => void this.flush(), this.options.flushIntervalMs)
    this.timer.unref?.()
  }

  /** One outbox drain pass; returns how many events it delivered. */
  async drainOnce(limit = this.options.batchSize): Promise<number> {
    let total = 0
    for (;;) {
      const { claimed, delivered } = await this.outbox.drain(
        limit,
        async (docs) => {
          const outcome = await this.send(docs)
          return {
            delivered: outcome.delivered.map((d) => d.event_id),
            retry: new Map(outcome.retry.map((r) => [r.doc.event_id, r.error])),
            rejected: new Map(outcome.rejected.map((r) => [r.doc.event_id, r.error])),
          }
        },
        backoffMs(this.failures + 1, this.options.drainIntervalMs, this.options.maxBackoffMs)
      )
      total += delivered
      if (claimed < limit || delivered === 0) return total
    }
  }

  start(): void {
    const loop = async () => {
      try {
        await this.drainOnce()
      } catch (e) {
        this.logger.warn(`analytics outbox drain failed: ${(e as Error).message}`)
      }
      if (this.closed) return
      const delay = this.failures ? backoffMs(this.failures, this.options.drainIntervalMs, this.options.maxBackoffMs) : this.options.drainIntervalMs
      this.drainTimer = setTimeout(loop, delay)
      this.drainTimer.unref?.()
    }
    this.drainTimer = setTimeout(loop, this.options.drainIntervalMs)
    this.drainTimer.unref?.()
  }

  /** Flushes the buffer (to Elasticsearch or the outbox) and stops the timers. */
  async close(): Promise<void> {
    this.closed = true
    if (this.drainTimer) clearTimeout(this.drainTimer)
    await this.flush()
  }

  get healthy(): boolean {
    return this.failures === 0
  }

  private async sendAndSpill(batch: EventDocument[]): Promise<void> {
    const outcome = await this.send(batch)
    await this.spill(outcome.retry)
    if (outcome.rejected.length) {
      this.stats.rejected += outcome.rejected.length
      this.logger.error(`analytics: Elasticsearch rejected ${outcome.rejected.length} event(s): ${outcome.rejected[0].error}`)
      await this.spill(outcome.rejected, "rejected")
    }
  }

  /** One `_bulk` request. Never throws: a failed request marks every document for retry. */
  private async send(docs: EventDocument[]): Promise<BulkOutcome> {
    this.stats.bulkRequests++
    try {
      const res = await this.client.bulk({
        // Never auto-create a plain index with guessed mappings when the templates are not
        // applied yet: the item fails (404) and waits in the outbox until they are.
        require_data_stream: true,
        operations: bulkOperations(docs, (d) => dataStreamFor(d, this.options.dataStreamPrefix)),
      })
      const outcome = classifyBulkItems(docs, res.items as never)
      this.stats.delivered += outcome.delivered.length
      this.failures = outcome.retry.length ? this.failures + 1 : 0
      return outcome
    } catch (e) {
      const err = e as { message: string; meta?: { statusCode?: number } }
      const status = err.meta?.statusCode
      if (this.failures === 0) this.logger.warn(`analytics: Elasticsearch unavailable (${status ?? err.message}); events wait in the outbox`)
      this.failures++
      const error = isTransient(status) ? `unavailable: ${err.message}` : `request refused: ${err.message}`
      return { delivered: [], retry: docs.map((doc) => ({ doc, error })), rejected: [] }
    }
  }

  private async spill(items: { doc: EventDocument; error: string }[], status: "pending" | "rejected" = "pending") {
    if (!items.length) return
    try {
      await this.outbox.add(items, status)
      if (status === "pending") this.stats.spilled += items.length
    } catch (e) {
      // PostgreSQL is down too: keep them in memory rather than lose them.
      this.logger.error(`analytics: outbox write failed (${(e as Error).message}); keeping ${items.length} event(s) in memory`)
      this.buffer.unshift(...items.map((i) => i.doc))
    }
  }
}
