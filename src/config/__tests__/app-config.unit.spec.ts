import { OptionsError } from "@indus/plugin-options"
import { readAppConfig } from ".."

const problems = (env: Record<string, string>) => {
  try {
    readAppConfig(env)
  } catch (e) {
    expect(e).toBeInstanceOf(OptionsError)
    return (e as OptionsError).problems
  }
  throw new Error("expected the configuration to be refused")
}

describe("app configuration from the environment", () => {
  it("has documented defaults for an empty environment", () => {
    const c = readAppConfig({})
    expect(c.server).toMatchObject({ port: 3001, workerMode: "shared", eventBusConcurrency: 10, adminDisabled: false, seedDemoData: true })
    expect(c.server.cookieSecure).toBeUndefined()
    expect(c.search).toMatchObject({ cacheTtlSeconds: 300, cacheSettleMs: 2000, priceCurrencies: ["inr", "usd", "eur"], syncCron: "30 * * * *" })
    expect(c.analytics).toEqual({ disabled: false, apiSampleRate: 0.1 })
    expect(c.ops.rateLimit.budgets.auth).toEqual({ points: 10, durationS: 300 })
    expect(c.ops).toMatchObject({ stackEnabled: true, requestContextEnabled: true, webhookMaxBytes: 65536, readinessTimeoutMs: 1500, auditLogRetentionDays: 365 })
    expect(c.jobs.recommendations).toMatchObject({ windowDays: 365, minSupport: 1, perProduct: 12, categoryWindowDays: 90, perCategory: 24 })
    expect(c.payments).toMatchObject({ stripeCapture: false, razorpayRefundSpeed: "normal", upiExpiryMinutes: 60, codEnabled: true })
    expect(c.payments.cod).toEqual({ minTotalPaise: undefined, maxTotalPaise: undefined, blockedPincodes: [], allowedShippingOptions: [], feePaise: 0 })
  })

  it("parses numbers, switches, lists, budgets and rupee amounts", () => {
    const c = readAppConfig({
      SEARCH_CACHE_TTL: "0",
      SEARCH_PRICE_CURRENCIES: "INR, gbp",
      ANALYTICS_API_SAMPLE_RATE: "1",
      OPS_MIDDLEWARE: "off",
      RATE_LIMIT: "OFF",
      RATE_LIMIT_CATALOG: "50/10s",
      RATE_LIMIT_ALLOW_IPS: "203.0.113.9, 198.51.100.1",
      MEDUSA_WORKER_MODE: "worker",
      COOKIE_SECURE: "false",
      COD_ENABLED: "false",
      COD_MAX_TOTAL: "5,000",
      COD_FEE: "49.50",
      RECOMMENDATIONS_MIN_SUPPORT: "2",
      HOUSEKEEPING_CRON: "  0  4 * * * ",
    })
    expect(c.search.cacheTtlSeconds).toBe(0)
    expect(c.search.priceCurrencies).toEqual(["inr", "gbp"])
    expect(c.analytics.apiSampleRate).toBe(1)
    expect(c.ops.stackEnabled).toBe(false)
    expect(c.ops.rateLimit.enabled).toBe(false)
    expect(c.ops.rateLimit.budgets.catalog).toEqual({ points: 50, durationS: 10 })
    expect([...c.ops.rateLimit.allowIps]).toEqual(["203.0.113.9", "198.51.100.1"])
    expect(c.server.workerMode).toBe("worker")
    expect(c.server.cookieSecure).toBe(false)
    expect(c.payments.codEnabled).toBe(false)
    expect(c.payments.cod).toMatchObject({ maxTotalPaise: 500000, feePaise: 4950 })
    expect(c.jobs.recommendations.minSupport).toBe(2)
    expect(c.jobs.housekeeping.cron).toBe("0 4 * * *")
  })

  it("refuses SEARCH_CACHE_TTL=abc, naming the variable, instead of caching for NaN seconds", () => {
    expect(problems({ SEARCH_CACHE_TTL: "abc" })).toEqual(['SEARCH_CACHE_TTL="abc": expected a whole number'])
  })

  it("names every bad variable at once", () => {
    const bad = problems({
      ANALYTICS_API_SAMPLE_RATE: "10%",
      RATE_LIMIT_AUTH: "ten per minute",
      MEDUSA_WORKER_MODE: "both",
      COOKIE_SECURE: "ture",
      COD_FEE: "49.999",
      RECOMMENDATIONS_WINDOW_DAYS: "-3",
      SEARCH_SYNC_CRON: "hourly",
      EVENT_BUS_CONCURRENCY: "0",
    })
    expect(bad.map((p) => p.split("=")[0]).sort()).toEqual([
      "ANALYTICS_API_SAMPLE_RATE",
      "COD_FEE",
      "COOKIE_SECURE",
      "EVENT_BUS_CONCURRENCY",
      "MEDUSA_WORKER_MODE",
      "RATE_LIMIT_AUTH",
      "RECOMMENDATIONS_WINDOW_DAYS",
      "SEARCH_SYNC_CRON",
    ])
    expect(bad.find((p) => p.startsWith("RATE_LIMIT_AUTH"))).toMatch(/e\.g\. 10\/5m/)
    expect(bad.find((p) => p.startsWith("COD_FEE"))).toMatch(/rupee amount/)
  })

  it("treats an empty variable as unset", () => {
    expect(readAppConfig({ SEARCH_CACHE_TTL: "", RATE_LIMIT_AUTH: "" }).search.cacheTtlSeconds).toBe(300)
  })

  it("keeps the response cache off under jest unless a suite turns it on", () => {
    expect(readAppConfig({}).responseCache.enabled).toBe(true)
    expect(readAppConfig({ NODE_ENV: "test" }).responseCache.enabled).toBe(false)
    expect(readAppConfig({ NODE_ENV: "test", RESPONSE_CACHE: "on" }).responseCache.enabled).toBe(true)
    expect(readAppConfig({ REDIS_URL: "redis://r:6379" }).responseCache.redisUrl).toBe("redis://r:6379")
    expect(problems({ RESPONSE_CACHE_TTL: "-3" })[0]).toMatch(/^RESPONSE_CACHE_TTL="-3"/)
  })
})
