import path from "path"

const ROOT = path.join(__dirname, "../..")
const REDIS_MODULES = [
  "@medusajs/medusa/event-bus-redis",
  "@medusajs/medusa/workflow-engine-redis",
  "@medusajs/medusa/locking-redis",
  "@medusajs/medusa/cache-redis",
  "@medusajs/medusa/caching-redis",
]

function loadConfig(env: Record<string, string | undefined>) {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]
  try {
    let config: any
    jest.isolateModules(() => {
      config = require(path.join(ROOT, "medusa-config.ts"))
    })
    return config
  } finally {
    process.env = saved
  }
}

/** Every module and module provider the app will load. */
const resolves = (config: any) =>
  Object.values(config.modules).flatMap((m: any) => [m.resolve, ...(m.options?.providers ?? []).map((p: any) => p.resolve)])

describe("medusa-config", () => {
  it("stops on a bad number, switch or choice in the environment, naming the variable", () => {
    expect(() => loadConfig({ SEARCH_CACHE_TTL: "abc" })).toThrow(/SEARCH_CACHE_TTL="abc": expected a whole number/)
    expect(() => loadConfig({ MEDUSA_WORKER_MODE: "both", RATE_LIMIT_AUTH: "lots" })).toThrow(/MEDUSA_WORKER_MODE="both"[\s\S]*RATE_LIMIT_AUTH="lots"/)
  })

  it("keeps Medusa's in-memory modules when REDIS_URL is unset", () => {
    const config = loadConfig({ REDIS_URL: undefined })
    expect(config.projectConfig.redisUrl).toBeUndefined()
    for (const r of REDIS_MODULES) expect(resolves(config)).not.toContain(r)
    expect(resolves(config)).toEqual(expect.arrayContaining([
      "@medusajs/medusa/event-bus-local",
      "@medusajs/medusa/workflow-engine-inmemory",
    ]))
  })

  it("moves event bus, workflows, locking, caching and sessions to Redis when REDIS_URL is set", () => {
    const config = loadConfig({ REDIS_URL: "redis://cache.internal:6379" })
    expect(config.projectConfig.redisUrl).toBe("redis://cache.internal:6379")
    for (const r of REDIS_MODULES) expect(resolves(config)).toContain(r)
    const eventBus = Object.values(config.modules).find((m: any) => m.resolve.endsWith("event-bus-redis")) as any
    expect(eventBus.options.redisUrl).toBe("redis://cache.internal:6379")
    // Bounded history, so Redis never fills up, and more than one event handled at a time.
    expect(eventBus.options.jobOptions.removeOnComplete).toEqual({ age: 3600, count: 1000 })
    expect(eventBus.options.jobOptions.removeOnFail).toEqual({ age: 7 * 24 * 3600, count: 5000 })
    expect(eventBus.options.workerOptions.concurrency).toBe(10)
    const four = Object.values(loadConfig({ REDIS_URL: "redis://r:6379", EVENT_BUS_CONCURRENCY: "4" }).modules)
      .find((m: any) => m.resolve.endsWith("event-bus-redis")) as any
    expect(four.options.workerOptions).toEqual({ concurrency: 4 })
  })

  it("takes the worker mode from MEDUSA_WORKER_MODE and disables the admin in workers", () => {
    expect(loadConfig({ MEDUSA_WORKER_MODE: undefined }).projectConfig.workerMode).toBe("shared")
    const worker = loadConfig({ MEDUSA_WORKER_MODE: "worker" })
    expect(worker.projectConfig.workerMode).toBe("worker")
    expect(worker.admin.disable).toBe(true)
    expect(loadConfig({ MEDUSA_WORKER_MODE: "server" }).admin.disable).toBe(false)
  })

  it("serves uploads and seeded images from the backend URL, port 3001 by default", () => {
    const file = (c: any) => Object.values(c.modules).find((m: any) => m.resolve === "@medusajs/medusa/file") as any
    expect(file(loadConfig({ PORT: undefined, MEDUSA_BACKEND_URL: undefined })).options.providers[0].options.backend_url)
      .toBe("http://localhost:3001/static")
    expect(file(loadConfig({ MEDUSA_BACKEND_URL: "https://shop.example.in" })).options.providers[0].options.backend_url)
      .toBe("https://shop.example.in/static")
  })

  it("only marks session cookies Secure behind https unless COOKIE_SECURE says otherwise", () => {
    expect(loadConfig({ MEDUSA_BACKEND_URL: undefined, COOKIE_SECURE: undefined }).projectConfig.cookieOptions.secure).toBe(false)
    expect(loadConfig({ MEDUSA_BACKEND_URL: "https://shop.example.in", COOKIE_SECURE: undefined }).projectConfig.cookieOptions.secure).toBe(true)
    expect(loadConfig({ COOKIE_SECURE: "true" }).projectConfig.cookieOptions.secure).toBe(true)
  })
  it("sends e-mail through SES when SES_REGION and EMAIL_FROM are set, else keeps it in the outbox; the feed stays local", () => {
    const providers = (c: any) => (Object.values(c.modules).find((m: any) => m.resolve === "@medusajs/medusa/notification") as any).options.providers
    const channelOf = (c: any) => Object.fromEntries(providers(c).map((p: any) => [p.resolve, p.options.channels]))
    expect(channelOf(loadConfig({ SES_REGION: undefined, EMAIL_FROM: undefined }))).toEqual({
      "@medusajs/medusa/notification-local": ["feed"],
      "@indus/email/providers/outbox": ["email"],
    })
    expect(channelOf(loadConfig({ SES_REGION: "ap-south-1", EMAIL_FROM: "orders@shop.example" }))).toEqual({
      "@medusajs/medusa/notification-local": ["feed"],
      "@indus/email/providers/ses": ["email"],
    })
  })

  it("installs @indus/email with the shop's templates and the outbox provider's id", () => {
    const email = loadConfig({}).plugins.find((p: any) => p.resolve === "@indus/email")
    expect(email.options).toEqual({ templates: "./src/emails", outbox_provider_id: "outbox" })
  })
})
