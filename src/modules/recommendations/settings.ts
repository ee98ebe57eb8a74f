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

/** Concatenates ranked lists, dropping duplicates and `exclude`, first occurrence wins. */
export function mergeRanked(lists: string[][], exclude?: string): string[] {
  const seen = new Set<string>(exclude ? [exclude] : [])
  const out: string[] = []
  for (const list of lists) for (const id of list) if (!seen.has(id)) (seen.add(id), out.push(id))
  return out
}
