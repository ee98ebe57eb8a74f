import { z } from "@medusajs/framework/zod"
import { defineOptions, env, OptionsError, readEnv } from "../index"

describe("defineOptions", () => {
  const options = defineOptions("@indus/example", z.object({ ttl_seconds: z.number().int().positive().default(60), name: z.string() }))

  it("fills documented defaults", () => {
    expect(options.parse({ name: "x" })).toEqual({ name: "x", ttl_seconds: 60 })
  })

  it("names every bad option and the plugin", () => {
    let error: OptionsError | undefined
    try {
      options.parse({ ttl_seconds: -1 })
    } catch (e) {
      error = e as OptionsError
    }
    expect(error).toBeInstanceOf(OptionsError)
    expect(error!.message).toContain("@indus/example")
    expect(error!.problems.map((p) => p.split(":")[0]).sort()).toEqual(["name", "ttl_seconds"])
  })
})

describe("readEnv", () => {
  it("types what is set and leaves the rest undefined", () => {
    const out = readEnv({ A: env.int(), B: env.bool(), C: env.list(), D: env.string() }, { A: "42", B: "off", C: "x, y,,z", D: "" })
    expect(out).toEqual({ A: 42, B: false, C: ["x", "y", "z"], D: undefined })
  })

  it("stops on a bad number instead of yielding NaN, naming the variable", () => {
    expect(() => readEnv({ SEARCH_CACHE_TTL: env.int({ min: 0 }) }, { SEARCH_CACHE_TTL: "abc" })).toThrow(/SEARCH_CACHE_TTL="abc": expected a whole number/)
  })

  it("reports every bad variable at once and never prints a secret's value", () => {
    let message = ""
    try {
      readEnv({ PORT: env.int({ min: 1, max: 65535 }), STRIPE_API_KEY: env.oneOf(["a"] as const) }, { PORT: "70000", STRIPE_API_KEY: "sk_test_123" })
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toContain("PORT=")
    expect(message).toContain("STRIPE_API_KEY=(hidden)")
    expect(message).not.toContain("sk_test_123")
  })
})

describe("fromContainer", () => {
  const options = defineOptions("@indus/example", z.object({ ttl_seconds: z.number().default(60) }))
  const container = (plugins: unknown[]) => {
    const config = { plugins }
    return { resolve: () => config } as never
  }

  it("reads the plugin's own entry in medusa-config by package name", () => {
    const c = container(["@indus/other", { resolve: "@indus/example", options: { ttl_seconds: 5 } }])
    expect(options.fromContainer(c)).toEqual({ ttl_seconds: 5 })
  })

  it("falls back to the defaults when the plugin is listed without options", () => {
    expect(options.fromContainer(container(["@indus/example"]))).toEqual({ ttl_seconds: 60 })
  })
})
