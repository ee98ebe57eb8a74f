import SesNotificationService from "../src/providers/ses/service"
import { SES_ERRORS, SesFixture } from "@indus/test-kit"

/** The provider with the real SESv2 SDK against the local SES fixture (no Medusa boot). */
describe("notification-ses provider against the SES fixture", () => {
  const ses = new SesFixture()
  const logs: string[] = []
  const logger = { warn: (m: string) => logs.push(m), info: (m: string) => logs.push(m) } as any
  let provider: SesNotificationService

  const mail = {
    id: "noti_01TEST",
    to: "asha@example.in",
    channel: "email",
    template: "order-placed",
    resource_type: "order",
    content: { subject: "Order #1001 confirmed", html: "<p>Thanks</p>", text: "Thanks" },
    attachments: [{ filename: "qr.png", content: Buffer.from("png-bytes").toString("base64"), content_type: "image/png", disposition: "inline", id: "qr" }],
  }

  beforeAll(async () => {
    await ses.start()
    provider = new SesNotificationService({ logger }, {
      region: "ap-south-1",
      from: "Indus Shop <orders@shop.example>",
      configuration_set: "shop-events",
      endpoint: ses.url,
      credentials: { access_key_id: "AKIDTEST", secret_access_key: "secret" },
      max_attempts: 3,
    })
  })
  afterAll(() => ses.stop())
  beforeEach(() => {
    ses.reset()
    logs.length = 0
  })

  it("sends the documented SendEmail request and returns SES's MessageId", async () => {
    const res = await provider.send(mail as any)
    expect(ses.sent).toHaveLength(1)
    expect(res.id).toBe(ses.sent[0].messageId)
    const body = ses.sent[0].body
    expect(body.FromEmailAddress).toBe("Indus Shop <orders@shop.example>")
    expect(body.Destination.ToAddresses).toEqual(["asha@example.in"])
    expect(body.ConfigurationSetName).toBe("shop-events")
    expect(body.EmailTags).toEqual(expect.arrayContaining([{ Name: "template", Value: "order-placed" }]))
    expect(body.Content.Simple.Attachments[0]).toMatchObject({ FileName: "qr.png", ContentDisposition: "INLINE", ContentId: "qr", ContentTransferEncoding: "BASE64" })
    expect(Buffer.from(body.Content.Simple.Attachments[0].RawContent, "base64").toString()).toBe("png-bytes")
    expect(ses.sent[0].headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d+\/ap-south-1\/ses\/aws4_request/)
  })

  it("retries throttling with backoff: one mail goes out", async () => {
    ses.failNext(SES_ERRORS.throttled, 2)
    const res = await provider.send(mail as any)
    expect(ses.attempts.map((a) => a.answered)).toEqual([429, 429, 200])
    expect(ses.sent).toHaveLength(1)
    expect(res.id).toBe(ses.sent[0].messageId)
  })

  it("gives up on throttling after max_attempts and throws", async () => {
    ses.failNext(SES_ERRORS.throttled, 3)
    await expect(provider.send(mail as any)).rejects.toThrow(/\[ses:TooManyRequestsException:throttled\]/)
    expect(ses.attempts).toHaveLength(3)
    expect(ses.sent).toHaveLength(0)
  })

  it("does not retry a permanent rejection, and keeps addresses out of the error and the log", async () => {
    ses.failNext(SES_ERRORS.rejected)
    const err = await provider.send(mail as any).catch((e) => e)
    expect(ses.attempts).toHaveLength(1)
    expect(err.message).toMatch(/^\[ses:MessageRejected:permanent\] SES did not send the e-mail: Email address is not verified/)
    for (const text of [err.message, ...logs]) {
      expect(text).not.toContain("@")
    }
    expect(logs.join("\n")).toContain("order-placed not sent: MessageRejected (permanent")
  })
})
