import { createHash } from "crypto"

/** Lowercase, trimmed, single-spaced: "  Kurta  TOP " and "kurta top" are the same search. */
export const normaliseText = (q: string) => q.trim().replace(/\s+/g, " ").toLowerCase()

function normalise(value: unknown, key?: string): unknown {
  if (typeof value === "string" && key === "q") return normaliseText(value)
  if (Array.isArray(value)) return value.map((v) => normalise(v))
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, normalise((value as Record<string, unknown>)[k], k)])
    )
  }
  return value
}

/** A stable key for a /store/search body as seen by a given set of sales channels. */
export function searchCacheKey(body: unknown, salesChannelIds: string[]): string {
  const material = JSON.stringify({ body: normalise(body), channels: [...salesChannelIds].sort() })
  return `store-search:${createHash("sha256").update(material).digest("hex")}`
}
