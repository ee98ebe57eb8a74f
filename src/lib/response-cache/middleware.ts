import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cacheControlFor } from "./config"
import { etagFor, ifNoneMatchHits } from "./etag"
import type { HeldLock } from "./build-lock"
import { getResponseCache, type ResponseCache } from "./index"
import { cacheKey } from "./key"
import { tagsForAdminWrite } from "./admin-writes"
import { cacheInvalidations, cacheRequests, type CacheResult } from "./metrics"
import { matchCacheableRoute } from "./routes"
import { ALL_TAG, type CachedEntry } from "./store"
import { tagsForEntry } from "./tags"

const FOLLOWER_WAIT_MS = 15_000

type StoreRequest = MedusaRequest & {
  publishable_key_context?: { sales_channel_ids?: string[] }
  auth_context?: { actor_id?: string; actor_type?: string }
  locale?: string
}

function send(req: MedusaRequest, res: MedusaResponse, entry: CachedEntry, xCache: "HIT" | "MISS", cacheControl: string, template: string) {
  // No Express route runs for a cached answer; metrics and analytics read the template from here.
  res.locals.routeTemplate = template
  res.setHeader("ETag", entry.etag)
  res.setHeader("Cache-Control", cacheControl)
  res.setHeader("X-Cache", xCache)
  res.vary("x-publishable-api-key")
  res.vary("x-medusa-locale")
  if (ifNoneMatchHits(req.get("if-none-match"), entry.etag)) {
    res.statusCode = 304
    res.end()
    return
  }
  res.statusCode = 200
  res.setHeader("Content-Type", "application/json; charset=utf-8")
  res.setHeader("Content-Length", entry.body.length)
  res.end(req.method === "HEAD" ? undefined : entry.body)
}

function giveUpAfter(ms: number): Promise<undefined> {
  return new Promise((resolve) => (setTimeout(resolve, ms) as unknown as NodeJS.Timeout).unref())
}

async function customerGroupIds(req: MedusaRequest, customerId: string): Promise<string[]> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer_group",
    fields: ["id"],
    filters: { customers: { id: customerId } } as any,
  })
  return data.map((g: { id: string }) => g.id)
}

/**
 * Response cache for public catalog reads under /store (registered as a global /store
 * middleware, so it runs after Medusa's publishable-key, locale and auth middlewares and
 * before the route's own validation and queries). Anything it cannot handle goes on uncached.
 * One instance per process; `cache` is injectable so a test can run two "processes" side by side.
 */
export function createStoreResponseCache(cache: () => ResponseCache = getResponseCache) {
  /**
   * Builds of the same key running in this process: followers wait for the leader's answer.
   * `since` is the invalidation clock the leader started from; a follower that saw a later clock
   * (something changed after the leader read the database) builds its own answer instead.
   * Across processes, the leader also takes the store's build lock (Redis) before building.
   */
  const inflight = new Map<string, { since: number; built: Promise<CachedEntry | undefined> }>()

  return async function storeResponseCache(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    if (req.method !== "GET" && req.method !== "HEAD") return next()
    const { config, store } = cache()
    if (!config.enabled) return next()

    const url = req.originalUrl
    const q = url.indexOf("?")
    const path = q < 0 ? url : url.slice(0, q)
    const rawQuery = q < 0 ? "" : url.slice(q + 1)
    const route = matchCacheableRoute(path)
    if (!route) return next()
    const count = (result: CacheResult) => cacheRequests.inc({ result, resource: route.resource })

    // Prices and taxes then follow the cart (its region and address), which can change under the same URL.
    if (/(^|&)cart_id=/.test(rawQuery)) {
      count("bypass")
      res.setHeader("X-Cache", "BYPASS")
      return next()
    }

    const r = req as StoreRequest
    let key: string
    let salesChannelIds: string[]
    let groups: string[] | undefined
    let lookup
    try {
      salesChannelIds = r.publishable_key_context?.sales_channel_ids ?? []
      const customerId = r.auth_context?.actor_type === "customer" ? r.auth_context.actor_id : undefined
      if (customerId && route.customerScoped) groups = await customerGroupIds(req, customerId)
      key = cacheKey({ path, rawQuery, salesChannelIds, locale: r.locale, customerGroupIds: groups })
      lookup = await store.lookup(key)
    } catch {
      // Redis away (or a lookup failed): answer uncached, never an error.
      count("error")
      res.setHeader("X-Cache", "BYPASS")
      return next()
    }
    const cacheControl = cacheControlFor(config, groups !== undefined)

    if (lookup.entry) {
      count("hit")
      return send(req, res, lookup.entry, "HIT", cacheControl, route.template)
    }

    const running = inflight.get(key)
    if (running && running.since >= lookup.clock) {
      const entry = await Promise.race([running.built, giveUpAfter(FOLLOWER_WAIT_MS)])
      if (entry) {
        count("coalesced")
        return send(req, res, entry, "HIT", cacheControl, route.template)
      }
      count("miss")
      res.setHeader("X-Cache", "MISS")
      return next()
    }

    // Leader in this process: build through Medusa's route, capture the JSON it sends, store it.
    let settle!: (e: CachedEntry | undefined) => void
    const built = new Promise<CachedEntry | undefined>((resolve) => (settle = resolve))
    let since = lookup.clock
    const slot = { since, built }
    inflight.set(key, slot)
    let lock: HeldLock | undefined
    let storing = false
    const done = (entry: CachedEntry | undefined) => {
      if (inflight.get(key) === slot) inflight.delete(key)
      settle(entry)
    }
    const ended = () => {
      done(undefined)
      // An answer on its way to the store releases the lock once stored; anything else ends here.
      if (!storing) void lock?.release("uncacheable")
    }
    res.once("close", ended)
    res.once("finish", ended)

    // Across processes: wait for the build another process is running, or take the lock.
    if (store.buildLocks) {
      const turn = await store.buildLocks.takeTurn(key, () => store.lookup(key))
      if (turn.entry) {
        count("coalesced")
        done(turn.entry)
        return send(req, res, turn.entry, "HIT", cacheControl, route.template)
      }
      lock = turn.lock
      // It waited: what it builds now is read after every invalidation its last lookup saw.
      if (turn.clock !== undefined) slot.since = since = Math.max(since, turn.clock)
    }
    count("miss")

    const originalJson = res.json.bind(res)
    res.json = ((payload: unknown) => {
      res.json = originalJson
      if (res.statusCode !== 200) {
        done(undefined)
        void lock?.release("uncacheable")
        return originalJson(payload)
      }
      const text = JSON.stringify(payload)
      const entry: CachedEntry = { etag: etagFor(text), body: Buffer.from(text), createdAt: Date.now() }
      const tags = tagsForEntry({ resource: route.resource, kind: route.kind, body: payload, bodyText: text, rawQuery, salesChannelIds, customerGroupIds: groups, locale: r.locale, extraTags: route.alsoTagged })
      storing = true
      store.set(key, entry, tags, config.ttlSeconds, since).then(
        (stored) => lock?.release(stored ? "stored" : "refused"),
        () => {
          count("error")
          return lock?.release("refused")
        }
      )
      done(entry)
      send(req, res, entry, "MISS", cacheControl, route.template)
      return res
    }) as typeof res.json
    return next()
  }
}

export const storeResponseCache = createStoreResponseCache()

/** Drops the answers an event-less admin write changed, once the write succeeded (see admin-writes.ts). */
export function adminWriteInvalidation(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const url = req.originalUrl
  const q = url.indexOf("?")
  const tags = tagsForAdminWrite(req.method, q < 0 ? url : url.slice(0, q), req.body)
  if (tags.length) {
    res.once("finish", () => {
      if (res.statusCode >= 400) return
      const { config, store } = getResponseCache()
      if (!config.enabled) return
      const drop = tags.includes(ALL_TAG) ? store.purge().then(() => 0) : store.invalidate(tags)
      drop.then(
        (dropped) => cacheInvalidations.inc({ source: "admin-write" }, dropped),
        () => store.purge().catch(() => {})
      )
    })
  }
  next()
}
