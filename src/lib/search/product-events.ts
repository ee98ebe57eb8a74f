import type { SearchTypes } from "@medusajs/framework/types"

/** Everything that changes what a product document holds: itself, variants and prices, stock, names. */
export const PRODUCT_EVENTS = [
  "product.created", "product.updated", "product.deleted",
  "product-variant.created", "product-variant.updated", "product-variant.deleted",
  "inventory-level.created", "inventory-level.updated", "inventory-level.deleted",
  "reservation-item.created", "reservation-item.updated", "reservation-item.deleted",
  "product-collection.updated", "product-category.updated",
]

type Event = { name: string; data: Record<string, any> | Record<string, any>[] }

const idsOf = (event: Event): string[] => {
  const items = Array.isArray(event.data) ? event.data : [event.data]
  return items.flatMap((d) => (Array.isArray(d?.id) ? d.id : [d?.id])).filter(Boolean)
}

const productIdsOfVariants = (variants: any[]): string[] =>
  variants.flatMap((v) => (v?.product_id ? [v.product_id] : v?.product?.id ? [v.product.id] : []))

/**
 * Which products an event touches. Variant, stock, reservation, collection and category events
 * carry only their own id, so they are walked back to products (deleted rows included).
 */
export async function resolveProductIds(event: Event, ctx: SearchTypes.SearchIngestionContext): Promise<string[]> {
  const ids = idsOf(event)
  if (!ids.length) return []
  const query = ctx.container.query as any
  const graph = async (entity: string, fields: string[]) =>
    (await query.graph({ entity, fields, filters: { id: ids }, withDeleted: true })).data as any[]
  const [kind] = event.name.split(".")
  let productIds: string[] = []
  switch (kind) {
    case "product":
      productIds = ids
      break
    case "product-variant":
      productIds = productIdsOfVariants(await graph("product_variant", ["id", "product_id"]))
      break
    case "inventory-level":
      productIds = (await graph("inventory_level", ["id", "inventory_item.variants.product_id"])).flatMap((l) =>
        productIdsOfVariants(l.inventory_item?.variants ?? [])
      )
      break
    case "reservation-item":
      productIds = (await graph("reservation_item", ["id", "inventory_item.variants.product_id"])).flatMap((r) =>
        productIdsOfVariants(r.inventory_item?.variants ?? [])
      )
      break
    case "product-collection":
      productIds = (await graph("product_collection", ["id", "products.id"])).flatMap((c) => (c.products ?? []).map((p: any) => p.id))
      break
    case "product-category":
      productIds = (await graph("product_category", ["id", "products.id"])).flatMap((c) => (c.products ?? []).map((p: any) => p.id))
      break
  }
  return [...new Set(productIds.filter(Boolean))]
}
