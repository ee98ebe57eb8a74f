import { idTag, listTag, LOCALIZED_TAG, PRICED_TAG, salesChannelTag, STORE_TAG } from "./tags"

/**
 * What a Medusa event invalidates. Most events name the changed entity directly; prices and
 * stock name rows (price, inventory level) that never appear in a store answer, so they are
 * first resolved to the products they belong to (`lookups`, done by the subscriber).
 */
export type Invalidation = {
  tags: string[]
  lookups: {
    priceIds: string[]
    priceSetIds: string[]
    variantIds: string[]
    inventoryItemIds: string[]
    inventoryLevelIds: string[]
    reservationIds: string[]
  }
}

/** Workflow-level events (emitted by core flows) and module-level ones (`<module>.<entity>.<action>`). */
export const INVALIDATING_EVENTS = [
  ...["product", "product-variant", "product-option", "product-option-value", "product-type", "product-tag",
    "product-category", "product-collection", "region", "sales-channel", "inventory-item", "inventory-level",
    "reservation-item", "store", "translation"].flatMap((e) => [`${e}.created`, `${e}.updated`, `${e}.deleted`]),
  ...["product", "product-variant", "product-option", "product-option-value", "product-image", "product-type",
    "product-tag", "product-category", "product-collection"].flatMap((e) => [`product.${e}.created`, `product.${e}.updated`, `product.${e}.deleted`]),
  ...["price", "price-set", "price-rule", "price-list", "price-list-rule"].flatMap((e) => [`pricing.${e}.created`, `pricing.${e}.updated`, `pricing.${e}.deleted`]),
  ...["inventory-item", "inventory-level", "reservation-item"].flatMap((e) => [`inventory.${e}.created`, `inventory.${e}.updated`, `inventory.${e}.deleted`]),
  "region.region.created", "region.region.updated", "region.region.deleted",
  "sales_channel.sales-channel.created", "sales_channel.sales-channel.updated", "sales_channel.sales-channel.deleted",
  "store.store.updated",
]

/** Ids named by an event payload: `{id}`, `{ids}`, arrays of either. */
export function idsOf(data: unknown): string[] {
  const out: string[] = []
  const visit = (d: unknown) => {
    if (Array.isArray(d)) return d.forEach(visit)
    if (!d || typeof d !== "object") return
    const o = d as Record<string, unknown>
    for (const k of ["id", "ids"]) {
      const v = o[k]
      if (typeof v === "string") out.push(v)
      else if (Array.isArray(v)) v.forEach((x) => typeof x === "string" && out.push(x))
    }
  }
  visit(data)
  return [...new Set(out)]
}

/** The entity part of an event name: "product.product-variant.updated" and "product-variant.updated" -> "product-variant". */
export function entityOf(eventName: string): string {
  const parts = eventName.split(".")
  return parts[parts.length - 2]
}

export function invalidationFor(eventName: string, data: unknown): Invalidation {
  const ids = idsOf(data)
  const tags = new Set(ids.map(idTag))
  const lookups: Invalidation["lookups"] = {
    priceIds: [], priceSetIds: [], variantIds: [], inventoryItemIds: [], inventoryLevelIds: [], reservationIds: [],
  }
  const lists = (...resources: string[]) => resources.forEach((r) => tags.add(listTag(r)))

  switch (entityOf(eventName)) {
    case "product":
    case "product-option":
    case "product-option-value":
    case "product-image":
      lists("products")
      break
    case "product-variant":
      lists("products")
      lookups.variantIds.push(...ids) // a new variant's id is in no cached answer yet: its product's is
      break
    case "product-type":
      lists("products", "types")
      break
    case "product-tag":
      lists("products", "tags")
      break
    case "product-category":
      lists("products", "categories")
      break
    case "product-collection":
      lists("products", "collections")
      break
    case "region":
      lists("regions", "currencies")
      break
    case "store":
      tags.add(STORE_TAG)
      lists("regions", "currencies")
      break
    case "sales-channel":
      ids.forEach((id) => tags.add(salesChannelTag(id)))
      lists("products")
      break
    case "translation":
      tags.add(LOCALIZED_TAG)
      break
    case "price":
      lookups.priceIds.push(...ids)
      break
    case "price-set":
      lookups.priceSetIds.push(...ids)
      break
    case "price-rule":
    case "price-list":
    case "price-list-rule":
      // A rule or list can change the calculated price of anything it covers.
      tags.add(PRICED_TAG)
      break
    case "inventory-item":
      lookups.inventoryItemIds.push(...ids)
      break
    case "inventory-level":
      lookups.inventoryLevelIds.push(...ids)
      break
    case "reservation-item":
      lookups.reservationIds.push(...ids)
      break
  }
  return { tags: [...tags], lookups }
}
