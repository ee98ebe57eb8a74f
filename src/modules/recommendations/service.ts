import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { CategoryPopularity } from "./models/category-popularity"
import { ComplementaryLink } from "./models/complementary-link"
import { ProductRecommendation } from "./models/product-recommendation"
import { CATEGORY_POPULARITY_INSERT, COPURCHASE_INSERT, positional, storefrontAnswer } from "./sql"
import { mergeRanked, type RecommendationSettings } from "./settings"

type Rows<T> = T[] | { rows: T[] }
const rowsOf = <T>(r: Rows<T>): T[] => (Array.isArray(r) ? r : r.rows)

export type ProductCard = { id: string; title: string; handle: string; thumbnail: string | null }

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

  /**
   * What the store endpoint answers, in one query: whether the product is visible (published, in
   * one of the channels) and the cards of its first `limit` visible recommendations for `intent`.
   * `related`: bought together, then category picks; `complementary`: staff-curated, in order.
   */
  @InjectManager()
  async storefrontList(
    productId: string,
    salesChannelIds: string[],
    intent: "related" | "complementary",
    limit: number,
    @MedusaContext() ctx: Context = {}
  ): Promise<{ visible: boolean; products: ProductCard[] }> {
    if (!salesChannelIds.length) return { visible: false, products: [] }
    const [sql, values] = positional(storefrontAnswer(intent), { product: productId, channels: salesChannelIds.join(","), limit })
    const [row] = rowsOf<{ visible: boolean; products: ProductCard[] }>(await (ctx.manager as any).execute(sql, values))
    return { visible: !!row?.visible, products: row?.products ?? [] }
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
}

export default RecommendationsModuleService
