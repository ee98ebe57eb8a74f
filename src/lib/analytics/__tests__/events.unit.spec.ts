import { BigNumber } from "@medusajs/framework/utils"
import { orderPlacedEvent, paymentEvent, searchEvents } from "../events"

describe("event builders", () => {
  const order = {
    id: "order_1",
    created_at: "2026-11-20T10:00:00.000Z",
    customer_id: "cus_1",
    region_id: "reg_in",
    currency_code: "INR",
    total: new BigNumber("2197"),
    items: [
      { product_id: "prod_tee", variant_id: "var_tee", product_title: "Tee", quantity: new BigNumber(2), unit_price: new BigNumber(799) },
      { product_id: "prod_mug", variant_id: "var_mug", product_title: "Mug", quantity: 1, unit_price: 499 },
    ],
    payment_collections: [{ payments: [{ provider_id: "pp_razorpay_razorpay" }] }],
  }

  it("rounds an amount with more digits than the currency half up, as reports document", () => {
    const e = orderPlacedEvent({ ...order, currency_code: "USD", raw_total: { value: "0.285", precision: 20 } })
    expect(e.properties!.value_minor).toBe(29)
  })

  it("order placed: minor units, lower-case currency, a natural event id, products and provider", () => {
    const e = orderPlacedEvent(order, "India")
    expect(e).toMatchObject({ event: "order.placed", actor_id: "cus_1" })
    expect(e.properties).toMatchObject({
      event_id: "order.placed:order_1",
      occurred_at: "2026-11-20T10:00:00.000Z",
      currency: "inr",
      value_minor: 219700,
      item_count: 3,
      product_ids: ["prod_tee", "prod_mug"],
      payment_provider: "pp_razorpay_razorpay",
      region_name: "India",
    })
    expect(e.properties!.items[0]).toEqual({ product_id: "prod_tee", variant_id: "var_tee", title: "Tee", quantity: 2, unit_price_minor: 79900 })
  })

  it("payment captured/refunded: one event per capture or refund record", () => {
    const payment = { id: "pay_1", currency_code: "usd", provider_id: "pp_stripe_stripe", captures: [{ id: "capt_1", amount: 10 }, { id: "capt_2", amount: "5.5" }], refunds: [] }
    expect(paymentEvent("captured", payment)!.properties).toMatchObject({ event_id: "payment.captured:capt_2", amount_minor: 550, currency: "usd" })
    expect(paymentEvent("refunded", payment)).toBeNull()
  })

  it("search performed: one event per text query, zero results flagged, facet-only queries skipped", () => {
    const events = searchEvents(
      { queries: [{ entity: "product", filters: { q: "  Kurta " } }, { entity: "product", filters: { q: "zzzz" } }, { entity: "product" }] },
      { results: [{ hits: [{}, {}], metadata: { count: 12, processing_time_ms: 4 } }, { hits: [], metadata: { count: 0 } }, { hits: [] }] },
      23.456,
      "postgres"
    )
    expect(events.map((e) => e.properties)).toEqual([
      { query: "kurta", entity: "product", result_count: 12, zero_results: false, latency_ms: 23.5, engine_ms: 4, provider: "postgres" },
      { query: "zzzz", entity: "product", result_count: 0, zero_results: true, latency_ms: 23.5, engine_ms: null, provider: "postgres" },
    ])
  })
})
