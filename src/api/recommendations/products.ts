import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export const CARD_FIELDS = ["id", "title", "handle", "thumbnail", "status"]

/** Product cards for `ids`, in that order. */
export async function productCards(scope: MedusaContainer, ids: string[], fields = CARD_FIELDS) {
  if (!ids.length) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields, filters: { id: ids } })
  const byId = new Map(data.map((p: any) => [p.id, p]))
  return ids.map((id) => byId.get(id)).filter(Boolean)
}
