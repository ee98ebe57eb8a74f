import http from "http"
import zlib from "zlib"
import winston from "winston"
import type { AddressInfo } from "net"
import { initSentry, installSentryLogTransport } from "../sentry"

/** A local stand-in for Sentry's ingest endpoint: collects the envelopes the real SDK posts. */
function sentryIngest() {
  const envelopes: string[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const body = Buffer.concat(chunks)
      envelopes.push((req.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(body) : body).toString())
      res.writeHead(200, { "content-type": "application/json" }).end("{}")
    })
  })
  return { server, envelopes }
}

describe("Sentry log transport", () => {
  it("sends error lines (and warn lines with a stack) with the request id, e-mails masked, no user", async () => {
    const { server, envelopes } = sentryIngest()
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
    const { port } = server.address() as AddressInfo
    expect(initSentry({ SENTRY_DSN: `http://publickey@127.0.0.1:${port}/42` })).toBe(true)
    const loggerInstance_ = winston.createLogger({ format: winston.format.combine(winston.format.errors({ stack: true }), winston.format.json()), transports: [new winston.transports.Console({ silent: true })] })
    expect(installSentryLogTransport({ loggerInstance_ })).toBe(true)

    loggerInstance_.log({ level: "error", message: "job abandoned-cart-reminders failed: mail to asha@example.com", request_id: "req_42", source: "job", source_name: "abandoned-cart-reminders" } as any)
    loggerInstance_.warn(new Error("subscriber order-placed-staff-feed exploded"))
    loggerInstance_.info("all good")
    const Sentry = require("@sentry/node")
    const flushed = await Sentry.flush(8000)
    expect({ flushed, envelopes: envelopes.length }).toMatchObject({ flushed: true })
    server.close()

    const events = envelopes.flatMap((e) => e.split("\n").filter((l) => l.includes('"exception"')).map((l) => JSON.parse(l)))
    expect(events).toHaveLength(2)
    const job = events.find((e) => e.tags?.source === "job")
    expect(job.tags).toMatchObject({ request_id: "req_42", source_name: "abandoned-cart-reminders" })
    expect(job.exception.values[0].value).toBe("job abandoned-cart-reminders failed: mail to [email]")
    expect(job.user).toBeUndefined()
    expect(JSON.stringify(events)).not.toMatch(/asha@example\.com/)
    expect(events.some((e) => /order-placed-staff-feed exploded/.test(e.exception.values[0].value))).toBe(true)
  }, 20000)
})
