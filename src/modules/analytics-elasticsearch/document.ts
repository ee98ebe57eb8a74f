import { randomUUID } from "crypto"
import type { ProviderTrackAnalyticsEventDTO } from "@medusajs/framework/types"
import type { EventDocument } from "./types"

/**
 * Builds the stored document. Callers may pass `properties.event_id` (a natural key such as
 * `order.placed:order_123`) so a redelivered event maps to the same document id and is stored
 * once; otherwise a random id is drawn here, before any retry, so retries reuse it.
 */
export function toEventDocument(data: ProviderTrackAnalyticsEventDTO, now = new Date()): EventDocument {
  const { event_id, occurred_at, ...properties } = (data.properties ?? {}) as Record<string, unknown>
  if (!data.event || typeof data.event !== "string") throw new Error("an analytics event needs a name")
  return {
    event_id: typeof event_id === "string" && event_id ? event_id : randomUUID(),
    "@timestamp": typeof occurred_at === "string" ? new Date(occurred_at).toISOString() : now.toISOString(),
    event: data.event,
    actor_id: data.actor_id ?? null,
    group: { type: data.group?.type ?? null, id: data.group?.id ?? null },
    properties,
  }
}

/** API request samples are high-volume and short-lived: they get their own data stream. */
export function dataStreamFor(doc: Pick<EventDocument, "event">, prefix: string): string {
  return doc.event === "api.request" ? `${prefix}-api-metrics` : `${prefix}-events`
}
