import { MedusaError } from "@medusajs/framework/utils"
import { readAppConfig } from "../../../config"
import { classify, parseBudget } from "../rate-limit/budgets"
import { RouteLimiters } from "../rate-limit/limiter"
import { auditBody, entityIdsOf, paramsFromTemplate } from "../audit"
import { metricsAuthorized } from "../metrics-auth"
import { opsErrorHandler } from "../error-handler"
import { limitKeys, routeTemplate } from "../stack"

describe("rate budgets", () => {
  it("parses <requests>/<window> and names the variable on bad input", () => {
    expect(parseBudget("10/5m")).toEqual({ points: 10, durationS: 300 })
    expect(parseBudget("600/m")).toEqual({ points: 600, durationS: 60 })
    expect(parseBudget(" 5000 / 1h ")).toEqual({ points: 5000, durationS: 3600 })
    expect(() => parseBudget("ten per minute", "RATE_LIMIT_AUTH")).toThrow(/RATE_LIMIT_AUTH="ten per minute".*e\.g\. 10\/5m/)
    expect(() => parseBudget("0/1m")).toThrow()
    expect(readAppConfig({ RATE_LIMIT_CATALOG: "50/10s" }).ops.rateLimit.budgets.catalog).toEqual({ points: 50, durationS: 10 })
  })

  it("classifies routes: auth strict, cart/checkout moderate, catalog generous, webhooks and probes exempt", () => {
    expect(classify("POST", "/auth/user/emailpass")).toBe("auth")
    expect(classify("POST", "/auth/customer/emailpass/reset-password")).toBe("auth")
    expect(classify("POST", "/auth/customer/emailpass/register")).toBe("auth")
    expect(classify("DELETE", "/auth/session")).toBeNull()
    expect(classify("POST", "/auth/session")).toBeNull()
    expect(classify("POST", "/auth/token/refresh")).toBeNull()
    expect(classify("POST", "/store/carts/cart_1/complete")).toBe("checkout")
    expect(classify("POST", "/store/payment-collections")).toBe("checkout")
    expect(classify("POST", "/store/upi/payment-sessions/payses_1/utr")).toBe("payment_proof")
    expect(classify("GET", "/store/products")).toBe("catalog")
    expect(classify("GET", "/store/search")).toBe("catalog")
    expect(classify("POST", "/hooks/payment/razorpay")).toBeNull()
    expect(classify("GET", "/health/ready")).toBeNull()
    expect(classify("GET", "/metrics")).toBeNull()
    expect(classify("POST", "/admin/products")).toBe("admin")
  })

  it("in memory, the tightest key decides and the reset is reported", async () => {
    const limiters = new RouteLimiters({ ...readAppConfig({}).ops.rateLimit.budgets, auth: { points: 2, durationS: 60 } })
    expect(await limiters.consume("auth", { ip: "1.1.1.1", identifier: "x" })).toMatchObject({ allowed: true, remaining: 1 })
    expect(await limiters.consume("auth", { ip: "2.2.2.2", identifier: "x" })).toMatchObject({ allowed: true, remaining: 0 })
    const third = await limiters.consume("auth", { ip: "3.3.3.3", identifier: "x" })
    expect(third).toMatchObject({ allowed: false, key: "identifier", limit: 2 })
    expect((third as { retryAfterS: number }).retryAfterS).toBeGreaterThan(50)
  })
})

describe("audit helpers", () => {
  it("recovers path params from the route template", () => {
    expect(paramsFromTemplate("/admin/products/:id/variants/:variant_id", "/admin/products/prod_1/variants/variant_2")).toEqual({
      id: "prod_1",
      variant_id: "variant_2",
    })
    expect(paramsFromTemplate("unmatched", "/admin/x")).toEqual({})
  })

  it("collects entity ids from params and the response", () => {
    expect(entityIdsOf({ id: "prod_1" }, { product: { id: "prod_1", title: "x" } })).toEqual(["prod_1"])
    expect(entityIdsOf({}, { id: "inv_1", object: "invite", deleted: true })).toEqual(["inv_1"])
    expect(entityIdsOf({}, { invite: { id: "invite_9" } })).toEqual(["invite_9"])
  })

  it("stores bodies without secrets and truncates huge ones", () => {
    expect(auditBody({ email: "a@b.in", password: "x", title: "Tee" })).toEqual({ email: "[REDACTED]", password: "[REDACTED]", title: "Tee" })
    expect(auditBody({ description: "x".repeat(20000) })).toEqual({ _truncated: true, _chars: expect.any(Number) })
    expect(auditBody(undefined)).toBeNull()
  })
})

describe("metrics bearer token", () => {
  it("is off without METRICS_TOKEN and compares the token exactly", () => {
    expect(metricsAuthorized("Bearer x", undefined)).toBe("disabled")
    expect(metricsAuthorized(undefined, "s3cret")).toBe("denied")
    expect(metricsAuthorized("Bearer s3cre", "s3cret")).toBe("denied")
    expect(metricsAuthorized("bearer s3cret", "s3cret")).toBe("ok")
  })
})

describe("error handler", () => {
  function run(err: unknown) {
    const logged: any[] = []
    const res: any = { statusCode: 200, headersSent: false, body: undefined }
    res.status = (s: number) => ((res.statusCode = s), res)
    res.json = (b: unknown) => ((res.body = b), res)
    const req: any = {
      method: "POST",
      originalUrl: "/store/carts/cart_1?x=1",
      path: "/store/carts/cart_1",
      requestId: "req-500",
      scope: { resolve: () => ({ log: (...a: any[]) => logged.push(a), info: () => {}, error: () => {} }) },
    }
    opsErrorHandler()(err, req, res, () => {})
    return { res, logged }
  }

  it("answers unknown errors 500 with the request id and no internals, and logs the stack with the id", () => {
    const { res, logged } = run(new Error('relation "secret_table" does not exist'))
    expect(res.statusCode).toBe(500)
    expect(res.body).toMatchObject({ type: "unknown_error", request_id: "req-500" })
    expect(JSON.stringify(res.body)).not.toContain("secret_table")
    expect(logged[0][2]).toMatchObject({ request_id: "req-500", stack: expect.stringContaining("Error: relation") })
  })

  it("leaves 4xx to Medusa's handler", () => {
    const { res, logged } = run(new MedusaError(MedusaError.Types.NOT_FOUND, "Cart cart_1 not found"))
    expect(res.statusCode).toBe(404)
    expect(res.body.message).toBe("Cart cart_1 not found")
    expect(logged).toEqual([])
  })
})

describe("rate-limit keys and route labels", () => {
  it("limits per IP, per signed-in actor, and logins per hashed e-mail", () => {
    const req: any = { ip: "203.0.113.5", auth_context: { actor_id: "cus_1" }, body: {} }
    expect(limitKeys("checkout", req)).toEqual({ ip: "203.0.113.5", actor: "cus_1" })
    const login: any = { ip: "203.0.113.5", body: { email: "Asha@Example.in", password: "x" } }
    const keys = limitKeys("auth", login)
    expect(keys.identifier).toMatch(/^[0-9a-f]{24}$/)
    expect(limitKeys("auth", { ip: "1.2.3.4", body: { email: "asha@example.in " } } as any).identifier).toBe(keys.identifier)
    expect(JSON.stringify(keys)).not.toContain("asha")
  })

  it("labels by the matched template, never the raw path", () => {
    expect(routeTemplate({ route: { path: "/admin/products/:id" }, baseUrl: "" } as any)).toBe("/admin/products/:id")
    expect(routeTemplate({ originalUrl: "/nope/123" } as any)).toBe("unmatched")
  })
})
