import type { StoreClient } from "./store"
import { headers } from "./store"

/** POST /store/search for the product index with a publishable key; returns the one result. */
export async function searchProducts(api: StoreClient, key: string, query: Record<string, unknown>) {
  const { data, headers: h } = await api.post("/store/search", { entity: "product", ...query }, headers(key))
  return Object.assign(data.results[0], { cache: h["x-search-cache"] as string | undefined })
}

/** Polls until `check` passes: ingestion runs on the event bus, after the workflow returns. */
export async function eventually<T>(fn: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const started = Date.now()
  let last: T
  for (;;) {
    last = await fn()
    if (check(last)) return last
    if (Date.now() - started > timeoutMs) return last
    await new Promise((r) => setTimeout(r, 250))
  }
}
