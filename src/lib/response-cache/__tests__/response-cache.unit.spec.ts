import { tagsForAdminWrite } from "../admin-writes"
import { readAppConfig } from "../../../config"
import { cacheControlFor } from "../config"
import { etagFor, ifNoneMatchHits } from "../etag"
import { entityOf, idsOf, invalidationFor } from "../events"
import { cacheKey, describeKey, normaliseQuery } from "../key"
import { MemoryStore } from "../memory-store"
import { matchCacheableRoute } from "../routes"
import { decodeEntry, encodeEntry } from "../store"
import { collectIds, tagsForEntry } from "../tags"

const PROD = "prod_01JABCDEFGHJKMNPQRSTVWXYZ0"
const VAR = "variant_01JABCDEFGHJKMNPQRSTVWXYZ1"
const REG = "reg_01JABCDEFGHJKMNPQRSTVWXYZ2"
const entry = (body: string) => ({ etag: etagFor(body), body: Buffer.from(body), createdAt: 1 })

describe("cache key", () => {
  const base = { path: "/store/products", rawQuery: "limit=20&fields=title,id", salesChannelIds: ["sc_b", "sc_a"] }

  it("ignores parameter order, fields order and locale in the query", () => {
    expect(normaliseQuery("fields=title,id&limit=20&locale=fr-FR")).toBe(normaliseQuery("limit=20&fields=id,title"))
    expect(cacheKey(base)).toBe(cacheKey({ ...base, rawQuery: "fields=id,title&limit=20", salesChannelIds: ["sc_a", "sc_b"] }))
  })

  it("changes with anything that changes the answer", () => {
    const k = cacheKey(base)
    expect(cacheKey({ ...base, rawQuery: "limit=21&fields=title,id" })).not.toBe(k)
    expect(cacheKey({ ...base, salesChannelIds: ["sc_a"] })).not.toBe(k)
    expect(cacheKey({ ...base, locale: "fr-FR" })).not.toBe(k)
    expect(cacheKey({ ...base, customerGroupIds: [] })).not.toBe(k)
    expect(cacheKey({ ...base, customerGroupIds: ["cg_1"] })).not.toBe(cacheKey({ ...base, customerGroupIds: ["cg_2"] }))
    expect(cacheKey({ ...base, path: "/store/products/x" })).not.toBe(k)
  })

  it("keeps repeated values (array filters) and tells anonymous from a group-less customer", () => {
    expect(normaliseQuery("id[]=b&id[]=a")).toBe(normaliseQuery("id[]=a&id[]=b"))
    expect(describeKey({ ...base })).toContain("|anon")
    expect(describeKey({ ...base, customerGroupIds: [] })).toContain("|groups:")
  })
})

describe("routes", () => {
  it("caches catalog reads and nothing else", () => {
    expect(matchCacheableRoute("/store/products")).toMatchObject({ resource: "products", kind: "list", customerScoped: true })
    expect(matchCacheableRoute("/store/products/prod_1")).toMatchObject({ kind: "detail" })
    expect(matchCacheableRoute("/store/product-categories/pcat_1")).toMatchObject({ resource: "categories" })
    expect(matchCacheableRoute("/store/regions")).toMatchObject({ customerScoped: false })
    for (const p of ["/store/carts", "/store/carts/cart_1", "/store/customers/me", "/store/orders", "/store/products/p/x"]) {
      expect(matchCacheableRoute(p)).toBeUndefined()
    }
  })

  it("caches recommendations as their own list, also dropped with product lists", () => {
    const route = matchCacheableRoute(`/store/products/${PROD}/recommendations`)!
    expect(route).toEqual({
      resource: "recommendations", kind: "list", customerScoped: false,
      template: "/store/products/:id/recommendations", alsoTagged: ["list:products"],
    })
    const body = { intent: "related", products: [{ id: VAR, title: "x", handle: "x", thumbnail: null }] }
    const tags = tagsForEntry({ resource: route.resource, kind: route.kind, body, bodyText: JSON.stringify(body), rawQuery: "limit=4", salesChannelIds: ["sc_1"], extraTags: route.alsoTagged })
    expect(tags.sort()).toEqual([`id:${VAR}`, "list:products", "list:recommendations", "sc:sc_1"])
  })
})

describe("ETag", () => {
  it("is stable per body and matches If-None-Match lists, weak forms and *", () => {
    const e = etagFor("{}")
    expect(etagFor("{}")).toBe(e)
    expect(etagFor("{ }")).not.toBe(e)
    expect(ifNoneMatchHits(`"x", ${e}`, e)).toBe(true)
    expect(ifNoneMatchHits(`W/${e}`, e)).toBe(true)
    expect(ifNoneMatchHits("*", e)).toBe(true)
    expect(ifNoneMatchHits(`"other"`, e)).toBe(false)
    expect(ifNoneMatchHits(undefined, e)).toBe(false)
  })

  it("survives the Redis entry encoding byte for byte", () => {
    const e = entry(JSON.stringify({ title: "Chai\nmug ₹" }))
    expect(decodeEntry(encodeEntry(e))).toEqual(e)
  })
})

describe("tags", () => {
  it("tags every Medusa id in the body and query, the sales channels and the list class", () => {
    const body = { products: [{ id: PROD, variants: [{ id: VAR, title: "not_an_id" }] }] }
    const tags = tagsForEntry({
      resource: "products", kind: "list", body, bodyText: JSON.stringify(body),
      rawQuery: `region_id=${REG}`, salesChannelIds: ["sc_1"],
    })
    expect(tags.sort()).toEqual([`id:${PROD}`, `id:${REG}`, `id:${VAR}`, "list:products", "sc:sc_1"].sort())
    expect(collectIds({ a: "prod_short" }).size).toBe(0)
  })

  it("marks priced answers, and those priced through the store's default region", () => {
    const body = { product: { id: PROD, variants: [{ calculated_price: { amount: 1 } }] } }
    const t = (rawQuery: string) => tagsForEntry({ resource: "products", kind: "detail", body, bodyText: JSON.stringify(body), rawQuery, salesChannelIds: [] })
    expect(t("")).toEqual(expect.arrayContaining(["priced", "store"]))
    expect(t(`region_id=${REG}`)).not.toContain("store")
    expect(t(`region_id=${REG}`)).not.toContain("list:products")
  })
})

describe("events", () => {
  it("reads ids from the payload shapes Medusa emits", () => {
    expect(idsOf({ id: "a" })).toEqual(["a"])
    expect(idsOf([{ id: "a" }, { id: ["b", "c"] }])).toEqual(["a", "b", "c"])
    expect(entityOf("product.product-variant.updated")).toBe("product-variant")
    expect(entityOf("product-variant.updated")).toBe("product-variant")
  })

  it("maps catalog changes to the entries they affect", () => {
    expect(invalidationFor("product.updated", { id: PROD }).tags).toEqual([`id:${PROD}`, "list:products"])
    expect(invalidationFor("product-category.updated", { id: "pcat_1" }).tags).toEqual(["id:pcat_1", "list:products", "list:categories"])
    expect(invalidationFor("sales-channel.updated", { id: "sc_1" }).tags).toContain("sc:sc_1")
    expect(invalidationFor("pricing.price-list.updated", { id: "plist_1" }).tags).toContain("priced")
    expect(invalidationFor("translation.updated", { id: "tr_1" }).tags).toContain("localized")
    const variant = invalidationFor("product-variant.created", { id: VAR })
    expect(variant.lookups.variantIds).toEqual([VAR])
  })

  it("defers prices and stock to a lookup of the products they belong to", () => {
    expect(invalidationFor("pricing.price.updated", { id: "price_1" }).lookups.priceIds).toEqual(["price_1"])
    expect(invalidationFor("inventory-level.updated", { id: "ilev_1" }).lookups.inventoryLevelIds).toEqual(["ilev_1"])
    expect(invalidationFor("inventory.reservation-item.created", { id: "resitem_1" }).lookups.reservationIds).toEqual(["resitem_1"])
  })
})

describe("admin writes without events", () => {
  it("drops the sales channel's lists and the linked products after a product link change", () => {
    expect(tagsForAdminWrite("POST", "/admin/sales-channels/sc_1/products", { add: ["prod_1"], remove: ["prod_2"] }).sort())
      .toEqual(["id:prod_1", "id:prod_2", "list:products", "sc:sc_1"])
    expect(tagsForAdminWrite("DELETE", "/admin/tax-rates/txr_1", {})).toEqual(["priced"])
    expect(tagsForAdminWrite("POST", "/admin/stores/store_1", {})).toContain("store")
    expect(tagsForAdminWrite("POST", "/admin/stock-locations/sloc_1/sales-channels", { add: ["sc_1"] })).toEqual(["*"])
    expect(tagsForAdminWrite("GET", "/admin/tax-rates", {})).toEqual([])
    expect(tagsForAdminWrite("POST", "/admin/products/prod_1", {})).toEqual([]) // emits product.updated
  })
})

describe("memory store", () => {
  it("drops entries by tag and nothing else", async () => {
    const s = new MemoryStore(1024 * 1024)
    const { clock } = await s.lookup("a")
    await s.set("a", entry("A"), ["id:p1", "list:products"], 60, clock)
    await s.set("b", entry("B"), ["id:p2"], 60, clock)
    expect(await s.invalidate(["id:p1"])).toBe(1)
    expect((await s.lookup("a")).entry).toBeUndefined()
    expect((await s.lookup("b")).entry?.body.toString()).toBe("B")
  })

  it("refuses to store a build that raced an invalidation of one of its tags", async () => {
    const s = new MemoryStore(1024 * 1024)
    const { clock } = await s.lookup("a")
    await s.invalidate(["id:p1"]) // the price changed while the answer was being built
    expect(await s.set("a", entry("old price"), ["id:p1"], 60, clock)).toBe(false)
    expect(await s.set("b", entry("other"), ["id:p2"], 60, clock)).toBe(true)
    await s.purge()
    expect(await s.set("c", entry("x"), ["id:p3"], 60, clock)).toBe(false)
    expect(await s.size()).toBe(0)
  })

  it("evicts the least recently used entries beyond its byte bound, and expires by TTL", async () => {
    let now = 0
    const s = new MemoryStore(10, () => now)
    await s.set("a", entry("aaaa"), [], 60, 0)
    await s.set("b", entry("bbbb"), [], 60, 0)
    await s.lookup("a") // a is now the most recent
    await s.set("c", entry("cccc"), [], 60, 0)
    expect((await s.lookup("b")).entry).toBeUndefined()
    expect((await s.lookup("a")).entry).toBeDefined()
    now = 61_000
    expect((await s.lookup("a")).entry).toBeUndefined()
  })
})

describe("config", () => {
  it("defaults to on, reads the TTL and builds CDN headers", () => {
    const c = readAppConfig({}).responseCache
    expect(c).toMatchObject({ enabled: true, redisUrl: undefined, ttlSeconds: 600 })
    expect(readAppConfig({ RESPONSE_CACHE: "off" }).responseCache.enabled).toBe(false)
    expect(readAppConfig({ NODE_ENV: "test" }).responseCache.enabled).toBe(false)
    expect(readAppConfig({ NODE_ENV: "test", RESPONSE_CACHE: "on" }).responseCache.enabled).toBe(true)
    expect(readAppConfig({ REDIS_URL: "redis://r:6379" }).responseCache.redisUrl).toBe("redis://r:6379")
    expect(() => readAppConfig({ RESPONSE_CACHE_TTL: "-3" }).responseCache).toThrow(/RESPONSE_CACHE_TTL/)
    expect(cacheControlFor(c, true)).toBe("private, no-cache")
    expect(cacheControlFor(c, false)).toMatch(/s-maxage=0/)
    expect(cacheControlFor({ ...c, cdnMaxAge: 30, cdnStaleWhileRevalidate: 60 }, false)).toBe("public, max-age=0, s-maxage=30, stale-while-revalidate=60")
  })
})
