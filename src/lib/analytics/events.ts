import type { TrackAnalyticsEventDTO } from "@medusajs/framework/types"
import { decimalText, toMinor, type AmountInput } from "@indus/money"

/**
 * Pure builders for every event we track. No names, e-mails, phone numbers or addresses:
 * customers appear by id only. Where a natural key exists it becomes `event_id`, so a
 * redelivered Medusa event is stored once.
 */

type Amount = unknown

/** Reported values round half up to the currency's minor unit; a missing amount counts as 0. */
const minorOf = (amount: Amount, currency: string): number =>
  amount === null || amount === undefined ? 0 : toMinor(amount as AmountInput, currency, "half-up")

export type OrderForAnalytics = {
  id: string
  created_at?: string | Date
  customer_id?: string | null
  region_id?: string | null
  sales_channel_id?: string | null
  currency_code: string
  total: Amount
  raw_total?: Amount
  items?: { product_id?: string | null; variant_id?: string | null; product_title?: string | null; quantity: Amount; unit_price: Amount; raw_unit_price?: Amount }[] | null
  payment_collections?: { payments?: { provider_id: string }[] | null }[] | null
}

export function orderPlacedEvent(order: OrderForAnalytics, regionName?: string | null): TrackAnalyticsEventDTO {
  const currency = order.currency_code.toLowerCase()
  const items = (order.items ?? []).map((i) => ({
    product_id: i.product_id ?? null,
    variant_id: i.variant_id ?? null,
    title: i.product_title ?? null,
    quantity: Number(decimalText(i.quantity as AmountInput)),
    unit_price_minor: minorOf(i.raw_unit_price ?? i.unit_price, currency),
  }))
  const provider = order.payment_collections?.flatMap((pc) => pc.payments ?? [])[0]?.provider_id ?? null
  return {
    event: "order.placed",
    actor_id: order.customer_id ?? undefined,
    properties: {
      event_id: `order.placed:${order.id}`,
      occurred_at: order.created_at ? new Date(order.created_at).toISOString() : undefined,
      order_id: order.id,
      customer_id: order.customer_id ?? null,
      region_id: order.region_id ?? null,
      region_name: regionName ?? null,
      sales_channel_id: order.sales_channel_id ?? null,
      currency,
      value_minor: minorOf(order.raw_total ?? order.total, currency),
      item_count: items.reduce((n, i) => n + i.quantity, 0),
      product_ids: [...new Set(items.map((i) => i.product_id).filter(Boolean))],
      items,
      payment_provider: provider,
    },
  }
}

export function cartCreatedEvent(cart: { id: string; customer_id?: string | null; region_id?: string | null; currency_code?: string | null; sales_channel_id?: string | null }): TrackAnalyticsEventDTO {
  return {
    event: "cart.created",
    actor_id: cart.customer_id ?? undefined,
    group: { type: "cart", id: cart.id },
    properties: {
      event_id: `cart.created:${cart.id}`,
      cart_id: cart.id,
      region_id: cart.region_id ?? null,
      currency: cart.currency_code?.toLowerCase() ?? null,
      sales_channel_id: cart.sales_channel_id ?? null,
    },
  }
}

export function customerCreatedEvent(customer: { id: string; has_account?: boolean }): TrackAnalyticsEventDTO {
  return {
    event: "customer.created",
    actor_id: customer.id,
    properties: { event_id: `customer.created:${customer.id}`, customer_id: customer.id, has_account: customer.has_account ?? null },
  }
}

type PaymentForAnalytics = {
  id: string
  currency_code: string
  provider_id: string
  payment_collection_id?: string | null
  captures?: { id: string; amount: Amount; raw_amount?: Amount }[] | null
  refunds?: { id: string; amount: Amount; raw_amount?: Amount }[] | null
}

/** One event per capture or refund record (the latest), keyed by its id. */
export function paymentEvent(kind: "captured" | "refunded", payment: PaymentForAnalytics): TrackAnalyticsEventDTO | null {
  const records = (kind === "captured" ? payment.captures : payment.refunds) ?? []
  const latest = records[records.length - 1]
  if (!latest) return null
  const currency = payment.currency_code.toLowerCase()
  return {
    event: `payment.${kind}`,
    properties: {
      event_id: `payment.${kind}:${latest.id}`,
      payment_id: payment.id,
      payment_provider: payment.provider_id,
      currency,
      amount_minor: minorOf(latest.raw_amount ?? latest.amount, currency),
    },
  }
}

export type SearchRequestBody = { queries?: SearchQueryBody[] } & SearchQueryBody
type SearchQueryBody = { entity?: string; filters?: { q?: unknown } & Record<string, unknown>; q?: unknown }
type SearchResultBody = { results?: { hits?: unknown[]; metadata?: { count?: number | null; processing_time_ms?: number } }[] }

/** One "search performed" per query that had text, from the request and the route's answer. */
export function searchEvents(body: SearchRequestBody, response: SearchResultBody, latencyMs: number, provider: string): TrackAnalyticsEventDTO[] {
  const queries = Array.isArray(body?.queries) ? body.queries : [body]
  return queries.flatMap((q, i) => {
    const text = typeof q?.filters?.q === "string" ? q.filters.q : typeof q?.q === "string" ? q.q : ""
    const result = response?.results?.[i]
    if (!text.trim() || !result) return []
    const count = typeof result.metadata?.count === "number" ? result.metadata.count : result.hits?.length ?? 0
    return [
      {
        event: "search.performed",
        properties: {
          query: text.trim().toLowerCase().slice(0, 200),
          entity: q.entity ?? null,
          result_count: count,
          zero_results: count === 0,
          latency_ms: Math.round(latencyMs * 10) / 10,
          engine_ms: result.metadata?.processing_time_ms ?? null,
          provider,
        },
      },
    ]
  })
}

/** Sampled API request metrics; the route is Express's template ("/store/products/:id"), never the raw URL. */
export function apiRequestEvent(route: string, method: string, status: number, durationMs: number, sampleRate: number): TrackAnalyticsEventDTO {
  return {
    event: "api.request",
    properties: {
      route,
      method,
      status,
      status_class: `${Math.floor(status / 100)}xx`,
      duration_ms: Math.round(durationMs * 100) / 100,
      sample_rate: sampleRate,
    },
  }
}
