export type RecommendationSettings = {
  /** Orders younger than this count for "bought together". */
  windowDays: number
  /** A pair needs at least this many shared orders. */
  minSupport: number
  /** Pairs kept per product. */
  perProduct: number
  /** Orders younger than this count for category popularity. */
  categoryWindowDays: number
  /** Products kept per category. */
  perCategory: number
}

const int = (v: string | undefined, fallback: number, min = 1) => {
  const n = Number(v)
  return Number.isInteger(n) && n >= min ? n : fallback
}

/** Reads RECOMMENDATIONS_* env vars; bad values fall back to the defaults. */
export function recommendationSettings(env: Record<string, string | undefined> = process.env): RecommendationSettings {
  return {
    windowDays: int(env.RECOMMENDATIONS_WINDOW_DAYS, 365),
    minSupport: int(env.RECOMMENDATIONS_MIN_SUPPORT, 1),
    perProduct: int(env.RECOMMENDATIONS_PER_PRODUCT, 12),
    categoryWindowDays: int(env.RECOMMENDATIONS_CATEGORY_WINDOW_DAYS, 90),
    perCategory: int(env.RECOMMENDATIONS_PER_CATEGORY, 24),
  }
}

/** Concatenates ranked lists, dropping duplicates and `exclude`, first occurrence wins. */
export function mergeRanked(lists: string[][], exclude?: string): string[] {
  const seen = new Set<string>(exclude ? [exclude] : [])
  const out: string[] = []
  for (const list of lists) for (const id of list) if (!seen.has(id)) (seen.add(id), out.push(id))
  return out
}
