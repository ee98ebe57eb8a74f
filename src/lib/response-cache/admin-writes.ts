import { ALL_TAG } from "./store"
import { idTag, listTag, PRICED_TAG, salesChannelTag, STORE_TAG } from "./tags"

/**
 * Admin writes that change store answers but emit no event in Medusa 2.21 (checked in
 * core-flows: linking products to a sales channel, tax rates and regions, price preferences,
 * store settings, which stock locations serve a sales channel). The admin middleware drops
 * these tags once such a write succeeded; ALL_TAG means purge.
 */
const RULES: { method: string; pattern: RegExp; tags: (m: RegExpMatchArray, body: any) => string[] }[] = [
  {
    method: "POST",
    pattern: /^\/admin\/sales-channels\/([^/]+)\/products\/?$/,
    tags: (m, body) => [
      salesChannelTag(m[1]),
      listTag("products"),
      ...[...(body?.add ?? []), ...(body?.remove ?? [])].filter((id) => typeof id === "string").map(idTag),
    ],
  },
  { method: "*", pattern: /^\/admin\/(tax-rates|tax-regions|price-preferences)(\/|$)/, tags: () => [PRICED_TAG] },
  { method: "POST", pattern: /^\/admin\/stores\/[^/]+\/?$/, tags: () => [STORE_TAG, listTag("regions"), listTag("currencies")] },
  // Stock shown per sales channel comes from its locations: rare enough to purge.
  { method: "POST", pattern: /^\/admin\/stock-locations\/[^/]+\/sales-channels\/?$/, tags: () => [ALL_TAG] },
]

export function tagsForAdminWrite(method: string, path: string, body: unknown): string[] {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return []
  const tags: string[] = []
  for (const rule of RULES) {
    if (rule.method !== "*" && rule.method !== method) continue
    const m = path.match(rule.pattern)
    if (m) tags.push(...rule.tags(m, body))
  }
  return tags
}
