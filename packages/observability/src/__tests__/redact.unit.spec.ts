import winston from "winston"
import { Writable } from "stream"
import { maskText, redact, REDACTED } from "../redact"
import { jsonLineFormat } from "../log-format"
import { acceptRequestId, requestContext } from "../request-context"

describe("redact", () => {
  it("masks sensitive keys at any depth, whatever the value", () => {
    const out = redact({
      headers: { authorization: "Bearer abc.def", cookie: "connect.sid=s%3Axyz", "x-api-key": "sk_live" },
      body: { email: "asha@example.in", password: "hunter2", items: [{ card_number: "4111111111111111", qty: 2 }] },
      customer: { phone: "+91 98000 00000", first_name: "Asha" },
    }) as any
    expect(out.headers).toEqual({ authorization: REDACTED, cookie: REDACTED, "x-api-key": REDACTED })
    expect(out.body).toEqual({ email: REDACTED, password: REDACTED, items: [{ card_number: REDACTED, qty: 2 }] })
    expect(out.customer).toEqual({ phone: REDACTED, first_name: "Asha" })
  })

  it("masks e-mails, tokens, card and phone numbers inside free text", () => {
    const text = maskText(
      "Customer with email asha@example.in exists; Bearer eyJhbGciOi.eyJzdWIi.sig card 4111 1111 1111 1111 call +91 98000 00000 or 9876543210"
    )
    expect(text).not.toMatch(/asha@example\.in|eyJ|4111|98000|9876543210/)
    expect(text).toContain("[email]")
    expect(text).toContain("[card]")
    expect(text).toContain("[phone]")
  })

  it("keeps an error's message and stack, masked", () => {
    const out = redact({ error: new Error("no customer asha@example.in") }) as any
    expect(out.error.message).toBe("no customer [email]")
    expect(out.error.stack).toContain("redact.unit.spec")
  })

  it("leaves ordinary values alone", () => {
    expect(redact({ id: "prod_01J", amount: 79900, status: 200, path: "/store/products" })).toEqual({
      id: "prod_01J",
      amount: 79900,
      status: 200,
      path: "/store/products",
    })
  })
})

describe("JSON log lines", () => {
  function captureLogger() {
    const lines: string[] = []
    const stream = new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk).trim()), cb()) })
    const logger = winston.createLogger({ format: jsonLineFormat(), transports: [new winston.transports.Stream({ stream })] })
    return { logger, lines }
  }

  it("carry the request id of the async context they were written in, and mask PII", async () => {
    const { logger, lines } = captureLogger()
    await requestContext.run({ requestId: "req-42" }, async () => {
      await new Promise((r) => setImmediate(r))
      logger.info("registered shopper %s", "asha@example.in")
      logger.log({ level: "warn", message: "login failed", password: "hunter2" })
    })
    logger.info("outside any request")
    const parsed = lines.map((l) => JSON.parse(l))
    expect(parsed[0]).toMatchObject({ request_id: "req-42", message: "registered shopper [email]" })
    expect(parsed[1]).toMatchObject({ request_id: "req-42", password: REDACTED })
    expect(parsed[2].request_id).toBeUndefined()
  })
})

describe("acceptRequestId", () => {
  it("keeps plain ids and refuses injection attempts", () => {
    expect(acceptRequestId("a1b2-c3")).toBe("a1b2-c3")
    expect(acceptRequestId(["x-1"])).toBe("x-1")
    expect(acceptRequestId('x"\n{"level":"error"}')).toBeUndefined()
    expect(acceptRequestId("a".repeat(200))).toBeUndefined()
    expect(acceptRequestId(undefined)).toBeUndefined()
  })
})
