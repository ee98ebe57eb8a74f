import { randomUUID } from "crypto"
import type { ProviderTrackAnalyticsEventDTO } from "@medusajs/framework/types"

/** One stored event row (table `analytics_event`). */
export type EventRow = {
  id: string
  event: string
  occurred_at: Date
  actor_id: string | null
  group_type: string | null
  group_id: string | null
  properties: Record<string, unknown>
}

/**
 * `properties.event_id` (a natural key such as `order.placed:order_123`) makes a redelivered
 * event land on the same row; `properties.occurred_at` overrides the time of tracking.
 */
export function toEventRow(data: ProviderTrackAnalyticsEventDTO, now = new Date()): EventRow {
  const { event_id, occurred_at, ...properties } = (data.properties ?? {}) as Record<string, unknown>
  if (!data.event || typeof data.event !== "string") throw new Error("an analytics event needs a name")
  return {
    id: typeof event_id === "string" && event_id ? event_id : randomUUID(),
    event: data.event,
    occurred_at: typeof occurred_at === "string" ? new Date(occurred_at) : now,
    actor_id: data.actor_id ?? null,
    group_type: data.group?.type ?? null,
    group_id: data.group?.id ?? null,
    properties,
  }
}
