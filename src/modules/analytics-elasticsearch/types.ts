/** One analytics event as stored: the same shape in Elasticsearch and in the PostgreSQL outbox. */
export type EventDocument = {
  event_id: string
  "@timestamp": string
  event: string
  actor_id: string | null
  group: { type: string | null; id: string | null }
  properties: Record<string, unknown>
}

export type ElasticsearchAnalyticsOptions = {
  /** Elasticsearch URL, e.g. http://localhost:9200 */
  node: string
  apiKey?: string
  username?: string
  password?: string
  /** Data stream names are `${prefix}-events` and `${prefix}-api-metrics`. Default "shop". */
  dataStreamPrefix?: string
  /** Flush the in-memory buffer at this size or after flushIntervalMs, whichever comes first. */
  batchSize?: number
  flushIntervalMs?: number
  /** Beyond this many buffered events, new events go straight to the durable outbox. */
  maxBuffer?: number
  /** Outbox drain cadence while Elasticsearch is healthy; backs off to maxBackoffMs while not. */
  drainIntervalMs?: number
  maxBackoffMs?: number
  requestTimeoutMs?: number
  /** PostgreSQL table used as the durable outbox. Default "analytics_es_outbox". */
  outboxTable?: string
}

/** What a bulk round trip did with each document. */
export type BulkOutcome = {
  delivered: EventDocument[]
  /** Transient (429, 5xx, network): try again later. */
  retry: { doc: EventDocument; error: string }[]
  /** The cluster refused the document itself (mapping error…): kept aside, never retried blindly. */
  rejected: { doc: EventDocument; error: string }[]
}
