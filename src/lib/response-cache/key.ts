import { createHash } from "crypto"

/** Query parameters that never change the answer's content for the cache key. */
const IGNORED_PARAMS = new Set(["locale"]) // folded into `locale` by Medusa's applyLocale

/** Parameters whose value is a comma-separated set, so "b,a" and "a,b" are the same request. */
const SET_VALUED_PARAMS = new Set(["fields", "expand"])

/**
 * A canonical form of a raw query string: parameters sorted by name then value, `fields`
 * items sorted, empty values kept (they can matter to validators), `locale` dropped.
 */
export function normaliseQuery(rawQuery: string): string {
  const pairs: [string, string][] = []
  for (const [name, value] of new URLSearchParams(rawQuery)) {
    if (IGNORED_PARAMS.has(name)) continue
    const v = SET_VALUED_PARAMS.has(name)
      ? value.split(",").map((s) => s.trim()).filter(Boolean).sort().join(",")
      : value
    pairs.push([name, v])
  }
  pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1))
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")
}

export type KeyContext = {
  path: string
  rawQuery: string
  salesChannelIds: string[]
  locale?: string
  /** undefined: anonymous; otherwise the logged-in customer's group ids (may be empty). */
  customerGroupIds?: string[]
}

/** Everything that changes the answer, in one stable string (hashed into the Redis key). */
export function describeKey(ctx: KeyContext): string {
  const groups = ctx.customerGroupIds === undefined ? "anon" : `groups:${[...ctx.customerGroupIds].sort().join(",")}`
  return [
    "v1",
    ctx.path.replace(/\/+$/, ""),
    normaliseQuery(ctx.rawQuery),
    `sc:${[...ctx.salesChannelIds].sort().join(",")}`,
    `locale:${(ctx.locale ?? "").toLowerCase()}`,
    groups,
  ].join("|")
}

export function cacheKey(ctx: KeyContext): string {
  return createHash("sha256").update(describeKey(ctx)).digest("base64url")
}
