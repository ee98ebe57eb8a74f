import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { CategoryPopularity } from "./models/category-popularity"
import { ComplementaryLink } from "./models/complementary-link"
import { ProductRecommendation } from "./models/product-recommendation"
import { CATEGORY_PICKS, CATEGORY_POPULARITY_INSERT, COPURCHASE_INSERT, VISIBLE_PRODUCTS } from "./sql"
import { mergeRanked, type RecommendationSettings } from "./settings"

type Rows<T> = T[] | { rows: T[] }
const rowsOf = <T>(r: Rows<T>): T[] => (Array.isArray(r) ? r : r.rows)

export type RecomputeResult = { pairs: number; category_rows: number; ms: number }

class RecommendationsModuleService extends MedusaService({ ProductRecommendation, CategoryPopularity, ComplementaryLink }) {
  /** Rebuilds both computed tables in one transaction, so readers see the old or the new set. */
  @InjectTransactionManager()
  async recompute(settings: RecommendationSettings, @MedusaContext() ctx: Context = {}): Promise<RecomputeResult> {
    const started = Date.now()
    const em = (ctx.transactionManager as any)
    await em.execute(`delete from product_recommendation`)
    await em.execute(`delete from category_popularity`)
    await em.execute(COPURCHASE_INSERT, [settings.windowDays, settings.minSupport, settings.perProduct])
    await em.execute(CATEGORY_POPULARITY_INSERT, [settings.categoryWindowDays, settings.perCategory])
    const [{ n: pairs }] = await em.execute(`select count(*)::int n from product_recommendation`)
    const [{ n: category_rows }] = await em.execute(`select count(*)::int n from category_popularity`)
    return { pairs, category_rows, ms: Date.now() - started }
  }

  /** Related products: bought-together first, then category picks; only visible products. */
  @InjectManager()
  async related(productId: string, salesChannelIds: string[], limit: number, @MedusaContext() ctx: Context = {}) {
    const em = ctx.manager as any
    const together: { recommended_product_id: string }[] = rowsOf(await em.execute(
      `select recommended_product_id from product_recommendation where product_id = ? and deleted_at is null order by score desc, together desc`,
      [productId]
    ))
    const picks: { product_id: string }[] = rowsOf(await em.execute(CATEGORY_PICKS, [productId, productId, limit * 4 + 12]))
    const candidates = mergeRanked([together.map((r) => r.recommended_product_id), picks.map((r) => r.product_id)], productId)
    return (await this.visible(candidates, salesChannelIds, em)).slice(0, limit)
  }

  /** Curated complementary products, in staff order; only visible products. */
  @InjectManager()
  async complementary(productId: string, salesChannelIds: string[], limit: number, @MedusaContext() ctx: Context = {}) {
    const em = ctx.manager as any
    const links: { linked_product_id: string }[] = rowsOf(await em.execute(
      `select linked_product_id from complementary_link where product_id = ? and deleted_at is null order by position, created_at`,
      [productId]
    ))
    return (await this.visible(links.map((l) => l.linked_product_id), salesChannelIds, em)).slice(0, limit)
  }

  /** Replaces a product's curated links with `linkedIds`, in that order. */
  @InjectTransactionManager()
  async setComplementary(productId: string, linkedIds: string[], @MedusaContext() ctx: Context = {}) {
    const em = ctx.transactionManager as any
    await em.execute(`delete from complementary_link where product_id = ?`, [productId])
    const unique = mergeRanked([linkedIds], productId)
    for (const [position, id] of unique.entries()) {
      await em.execute(
        `insert into complementary_link (id, product_id, linked_product_id, position) values ('clink_' || replace(gen_random_uuid()::text, '-', ''), ?, ?, ?)`,
        [productId, id, position]
      )
    }
    return unique
  }

  /** Whether the product is published and sold in one of the sales channels. */
  @InjectManager()
  async isVisible(productId: string, salesChannelIds: string[], @MedusaContext() ctx: Context = {}) {
    return (await this.visible([productId], salesChannelIds, ctx.manager)).length === 1
  }

  private async visible(ids: string[], salesChannelIds: string[], em: any): Promise<string[]> {
    if (!ids.length || !salesChannelIds.length) return []
    const rows: { id: string }[] = rowsOf(await em.execute(VISIBLE_PRODUCTS, [ids, salesChannelIds]))
    const ok = new Set(rows.map((r) => r.id))
    return ids.filter((id) => ok.has(id))
  }
}

export default RecommendationsModuleService
