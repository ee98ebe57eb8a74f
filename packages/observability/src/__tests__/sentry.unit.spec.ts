import { scrubEvent } from "../sentry"
import { reportError } from "../report-error"

describe("Sentry scrubbing", () => {
  it("removes user, headers, cookies and query strings, and masks e-mails in messages", () => {
    const event = scrubEvent({
      user: { email: "asha@example.com", ip_address: "1.2.3.4" },
      request: { method: "POST", url: "https://shop/store/carts?email=asha@example.com", headers: { cookie: "x" }, data: { email: "a" } },
      exception: { values: [{ type: "Error", value: "cart of asha@example.com failed" }] },
      tags: { request_id: "req_1" },
    } as any)
    expect(event.user).toBeUndefined()
    expect(event.request).toEqual({ method: "POST", url: "https://shop/store/carts" })
    expect(event.exception.values[0].value).toBe("cart of [email] failed")
    expect(event.tags.request_id).toBe("req_1")
  })
})

describe("reportError", () => {
  it("logs a structured, masked error line with the request id", () => {
    const lines: any[] = []
    const entry = reportError(new Error("mail to asha@example.com bounced"), { kind: "job", name: "abandoned-cart-reminders", requestId: "req_9" },
      { log: (_l: string, _m: string, e: unknown) => lines.push(e), error: () => {} } as any)
    expect(lines[0]).toMatchObject({ level: "error", source: "job", source_name: "abandoned-cart-reminders", request_id: "req_9" })
    expect(entry.message).not.toMatch(/asha@/)
  })
})
