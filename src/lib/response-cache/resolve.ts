import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Invalidation } from "./events"
import { idTag } from "./tags"

type Row = Record<string, any>

/**
 * Turns price and stock rows named by an event into the variants and products whose cached
 * answers show them. Soft-deleted rows are included: a deleted price still changed its product.
 */
export async function resolveLookups(container: MedusaContainer, lookups: Invalidation["lookups"]): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const rows = async (entity: string, fields: string[], filters: Record<string, unknown>): Promise<Row[]> =>
    (await query.graph({ entity, fields, filters, withDeleted: true } as any)).data as Row[]

  const priceSetIds = new Set(lookups.priceSetIds)
  if (lookups.priceIds.length) {
    for (const p of await rows("price", ["id", "price_set_id"], { id: lookups.priceIds })) priceSetIds.add(p.price_set_id)
  }
  const variantIds = new Set(lookups.variantIds)
  if (priceSetIds.size) {
    for (const l of await rows("product_variant_price_set", ["variant_id"], { price_set_id: [...priceSetIds] })) variantIds.add(l.variant_id)
  }

  const itemIds = new Set(lookups.inventoryItemIds)
  if (lookups.inventoryLevelIds.length) {
    for (const l of await rows("inventory_level", ["id", "inventory_item_id"], { id: lookups.inventoryLevelIds })) itemIds.add(l.inventory_item_id)
  }
  if (lookups.reservationIds.length) {
    for (const r of await rows("reservation_item", ["id", "inventory_item_id"], { id: lookups.reservationIds })) itemIds.add(r.inventory_item_id)
  }
  if (itemIds.size) {
    for (const l of await rows("product_variant_inventory_item", ["variant_id"], { inventory_item_id: [...itemIds] })) variantIds.add(l.variant_id)
  }

  const tags = new Set<string>()
  if (variantIds.size) {
    for (const v of await rows("product_variant", ["id", "product_id"], { id: [...variantIds] })) {
      tags.add(idTag(v.id))
      if (v.product_id) tags.add(idTag(v.product_id))
    }
  }
  return [...tags]
}
