import http from "http"
import { randomUUID } from "crypto"
import type { AddressInfo } from "net"

/**
 * A stand-in for the SES API v2 (`email.<region>.amazonaws.com`) on a local port, answering
 * `SendEmail` in its documented wire format: `POST /v2/email/outbound-emails` with the request
 * JSON; `200 {"MessageId"}` plus `x-amzn-requestid`; errors as an HTTP status with
 * `x-amzn-errortype: <Code>` and `{"message"}`, which the SDK turns into the named exception.
 * SigV4 is recorded but not verified.
 *
 * Point `@aws-sdk/client-sesv2` at it with `endpoint: fixture.url` and any credentials.
 */
export type SesSentEmail = {
  messageId: string
  headers: http.IncomingHttpHeaders
  /** the SendEmail request as sent: FromEmailAddress, Destination, Content.Simple, EmailTags, ConfigurationSetName… */
  body: any
}

export type SesFailure = { status: number; code: string; message: string }

export const SES_ERRORS = {
  throttled: { status: 429, code: "TooManyRequestsException", message: "Maximum sending rate exceeded." },
  rejected: { status: 400, code: "MessageRejected", message: "Email address is not verified. The following identities failed the check: shop@example.com" },
  accountPaused: { status: 400, code: "AccountSuspendedException", message: "Sending is paused for this account." },
} satisfies Record<string, SesFailure>

export class SesFixture {
  sent: SesSentEmail[] = []
  /** every SendEmail request, including those answered with an error */
  attempts: { headers: http.IncomingHttpHeaders; body: any; answered: number }[] = []
  private failures: SesFailure[] = []
  private server?: http.Server
  url = ""

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res))
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async stop() {
    await new Promise((r) => this.server?.close(r))
  }

  /** The next `times` SendEmail calls answer with this error, then sending works again. */
  failNext(failure: SesFailure, times = 1) {
    for (let i = 0; i < times; i++) this.failures.push(failure)
  }

  reset() {
    this.sent = []
    this.attempts = []
    this.failures = []
  }

  /** Sent mails to one address, optionally with a subject containing `subject`. */
  to(address: string, subject?: string) {
    return this.sent.filter(
      (m) =>
        (m.body?.Destination?.ToAddresses ?? []).includes(address) &&
        (subject === undefined || String(m.body?.Content?.Simple?.Subject?.Data ?? "").includes(subject))
    )
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const requestId = randomUUID()
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", "x-amzn-requestid": requestId, ...headers })
        res.end(JSON.stringify(body))
      }
      if (req.method !== "POST" || req.url?.split("?")[0] !== "/v2/email/outbound-emails") {
        return reply(404, { message: `Unknown operation ${req.method} ${req.url}` }, { "x-amzn-errortype": "NotFoundException" })
      }
      let body: any
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"))
      } catch {
        return reply(400, { message: "Malformed JSON" }, { "x-amzn-errortype": "BadRequestException" })
      }
      const failure = this.failures.shift()
      this.attempts.push({ headers: req.headers, body, answered: failure?.status ?? 200 })
      if (failure) return reply(failure.status, { message: failure.message }, { "x-amzn-errortype": failure.code })
      if (!body.FromEmailAddress || !body.Destination?.ToAddresses?.length || !body.Content) {
        return reply(400, { message: "FromEmailAddress, Destination and Content are required" }, { "x-amzn-errortype": "BadRequestException" })
      }
      const messageId = `0100018c${randomUUID().replace(/-/g, "")}-000000`
      this.sent.push({ messageId, headers: req.headers, body })
      reply(200, { MessageId: messageId })
    })
  }
}
