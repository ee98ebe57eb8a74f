import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { renderAndSend } from "../lib/deliver"
import { toOrderSummary } from "../lib/order-summary"

type FulfillmentEvent = { id: string; no_notification?: boolean }

/**
 * Shipment and delivery mails (`shipment.created`, `delivery.created` carry the fulfillment id and
 * the staff's "notify the customer" choice as `no_notification`). One mail per fulfillment and kind.
 */
export default async function emailFulfillment({ event: { name, data }, container }: SubscriberArgs<FulfillmentEvent>) {
  if (data.no_notification) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [f] } = await query.graph({
    entity: "fulfillment",
    fields: [
      "id", "items.title", "items.quantity", "items.line_item_id", "labels.tracking_number", "labels.tracking_url",
      "order.id", "order.display_id", "order.email", "order.items.id", "order.items.title", "order.items.variant_title", "order.currency_code", "order.no_notification",
      "order.shipping_address.first_name", "order.shipping_address.last_name", "order.shipping_address.address_1",
      "order.shipping_address.address_2", "order.shipping_address.city", "order.shipping_address.province",
      "order.shipping_address.postal_code", "order.shipping_address.country_code",
    ],
    filters: { id: data.id },
  })
  const order = (f as any)?.order
  if (!order?.email || order.no_notification) return
  // a fulfillment item's own title is the variant's ("S / White"); the order line has the product's
  const lines = new Map<string, any>((order.items ?? []).filter(Boolean).map((l: any) => [l.id, l]))
  const items = ((f as any).items ?? []).map((i: any) => {
    const line = lines.get(i.line_item_id)
    const title = line ? `${line.title}${line.variant_title ? ` (${line.variant_title})` : ""}` : i.title
    return { title, quantity: Number(i.quantity) }
  })
  const email = { to: order.email, resource_id: order.id, resource_type: "order", trigger_type: name }
  if (name === "delivery.created") {
    await renderAndSend(container, "delivery-created", { display_id: order.display_id, items }, { ...email, idempotency_key: `delivery-created:${f.id}` })
    return
  }
  const tracking = ((f as any).labels ?? [])
    .filter((l: any) => l?.tracking_number || l?.tracking_url)
    .map((l: any) => ({ ...(l.tracking_number ? { number: l.tracking_number } : {}), ...(l.tracking_url ? { url: l.tracking_url } : {}) }))
  const shipping_address = toOrderSummary({ ...order, items: [] }).shipping_address
  await renderAndSend(
    container,
    "shipment-created",
    { display_id: order.display_id, items, tracking, ...(shipping_address ? { shipping_address } : {}) },
    { ...email, idempotency_key: `shipment-created:${f.id}` }
  )
}

export const config: SubscriberConfig = {
  event: ["shipment.created", "delivery.created"],
  context: { subscriberId: "email-fulfillment" },
}
