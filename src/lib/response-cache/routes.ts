import { listTag } from "./tags"

/**
 * Which store reads are cached. Each rule names the resource class used for list tags, so a
 * change that can alter list membership (a new product, a category rename) drops every list
 * of that class while details of untouched entities stay cached.
 */
export type CacheableRoute = {
  /** Resource class, e.g. "products"; list answers carry the tag `list:<resource>`. */
  resource: string
  kind: "list" | "detail"
  /** The answer can depend on the shopper's customer groups (calculated prices). */
  customerScoped: boolean
  /** Medusa's route template ("/store/products/:id"), for metrics of answers served from the cache. */
  template: string
  /** Tags every answer of the route carries besides the computed ones. */
  alsoTagged?: string[]
}

const RULES: { pattern: RegExp; route: CacheableRoute }[] = []

function add(path: string, resource: string, customerScoped = false) {
  const list = `/store/${path}`
  RULES.push({ pattern: new RegExp(`^${list}/?$`), route: { resource, kind: "list", customerScoped, template: list } })
  RULES.push({ pattern: new RegExp(`^${list}/[^/]+/?$`), route: { resource, kind: "detail", customerScoped, template: `${list}/:id` } })
}

add("products", "products", true)
add("product-variants", "products", true)
add("product-categories", "categories")
add("collections", "collections")
add("product-tags", "tags")
add("product-types", "types")
add("regions", "regions")
add("currencies", "currencies")

/**
 * Recommendations: a list of the `recommendations` class, dropped when the nightly job or staff
 * curation changes the lists, and also tagged `list:products` so whatever can change which
 * products are visible (create, delete, status, categories, channel links) drops it too.
 */
RULES.push({
  pattern: /^\/store\/products\/[^/]+\/recommendations\/?$/,
  route: { resource: "recommendations", kind: "list", customerScoped: false, template: "/store/products/:id/recommendations", alsoTagged: [listTag("products")] },
})

/** The rule for a request path (no query string), or undefined when the path is not cached. */
export function matchCacheableRoute(path: string): CacheableRoute | undefined {
  return RULES.find((r) => r.pattern.test(path))?.route
}
