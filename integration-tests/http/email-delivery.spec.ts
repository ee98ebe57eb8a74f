import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { adminAuth } from "../helpers/admin"
import { SES_ERRORS, SesFixture } from "@indus/test-kit"
import { sendShopEmail, type RenderedEmail, type ShopEmail } from "@indus/email"
import { runHousekeeping } from "../../src/jobs/housekeeping"
import { useAppEnv } from "../helpers/app-env"

jest.setTimeout(300 * 1000)

/**
 * E-mail delivery through the real SESv2 SDK against the local SES fixture: what reaches SES,
 * throttling, permanent rejections shown to staff, retries and idempotency.
 */
const ses = new SesFixture()
const env: Record<string, string> = {
  SES_REGION: "ap-south-1",
  EMAIL_FROM: "\"Indus Shop\" <orders@shop.example>",
  EMAIL_REPLY_TO: "help@shop.example",
  SES_CONFIGURATION_SET: "shop-events",
  SES_ACCESS_KEY_ID: "AKIDFIXTURE",
  SES_SECRET_ACCESS_KEY: "fixture-secret",
  SES_MAX_ATTEMPTS: "3",
}
useAppEnv(env, {
  start: async () => {
    await ses.start()
    env.SES_ENDPOINT = ses.url
  },
  stop: () => ses.stop(),
})

const QR_PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a50000000049454e44ae426082", "hex")

const email = (key: string, over: Partial<ShopEmail> = {}): ShopEmail => ({
  template: "upi-instructions",
  to: "asha.k@example.in",
  data: { order_id: "order_01TEST", display_id: 1042 },
  idempotency_key: key,
  resource_type: "order",
  resource_id: "order_01TEST",
  trigger_type: "order.placed",
  ...over,
})
const rendered: RenderedEmail = {
  subject: "Pay ₹1,23,456.00 for order #1042 by UPI",
  html: "<p>Scan to pay</p><img src=\"cid:upi-qr\" alt=\"UPI QR\">",
  text: "Pay with any UPI app: upi://pay?pa=demoshop@okaxis&am=123456.00",
  attachments: [{ filename: "upi-qr.png", content: QR_PNG.toString("base64"), content_type: "image/png", disposition: "inline", id: "upi-qr" }],
}

medusaIntegrationTestRunner({
  inApp: true,
  env,
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    beforeEach(async () => {
      ses.reset()
      admin = await adminAuth(api, getContainer())
    })

    const call = (p: Promise<{ status: number; data: any }>) => p.catch((e) => e.response)
    const notificationsFor = (key: string) =>
      getContainer().resolve(Modules.NOTIFICATION).listNotifications({ idempotency_key: key } as never)

    it("sends the rendered e-mail through SES as documented and records SES's message id", async () => {
      const row = await sendShopEmail(getContainer(), email("upi-instructions:order_01TEST"), rendered)

      expect(ses.sent).toHaveLength(1)
      const req = ses.sent[0].body
      expect(req.FromEmailAddress).toBe("\"Indus Shop\" <orders@shop.example>")
      expect(req.Destination.ToAddresses).toEqual(["asha.k@example.in"])
      expect(req.ReplyToAddresses).toEqual(["help@shop.example"])
      expect(req.Content.Simple.Subject.Data).toBe("Pay ₹1,23,456.00 for order #1042 by UPI")
      expect(req.Content.Simple.Body.Html.Data).toContain("cid:upi-qr")
      expect(req.Content.Simple.Body.Text.Data).toContain("upi://pay?pa=demoshop@okaxis")
      const [qr] = req.Content.Simple.Attachments
      expect(qr).toMatchObject({ FileName: "upi-qr.png", ContentType: "image/png", ContentDisposition: "INLINE", ContentId: "upi-qr", ContentTransferEncoding: "BASE64" })
      expect(Buffer.from(qr.RawContent, "base64")).toEqual(QR_PNG)
      expect(req.ConfigurationSetName).toBe("shop-events")
      expect(req.EmailTags).toEqual([
        { Name: "template", Value: "upi-instructions" },
        { Name: "resource_type", Value: "order" },
        { Name: "notification_id", Value: row!.id },
      ])
      expect(ses.sent[0].headers.authorization).toMatch(/Credential=AKIDFIXTURE\/\d{8}\/ap-south-1\/ses\/aws4_request/)

      expect(row).toMatchObject({ status: "success", provider_id: "ses", external_id: ses.sent[0].messageId })

      const { data } = await api.get("/admin/emails?q=asha.k", admin)
      expect(data.count).toBe(1)
      expect(data.emails[0]).toMatchObject({
        template: "upi-instructions",
        to: "asha.k@example.in",
        subject: rendered.subject,
        status: "sent",
        provider_id: "ses",
        message_id: ses.sent[0].messageId,
        notification_id: row!.id,
        attempts: 1,
        error_code: null,
      })
      expect(data.emails[0].html).toBeUndefined()
      // SES has the message; the log keeps no copy of the body or the bytes on this path.
      const { data: one } = await api.get(`/admin/emails/${data.emails[0].id}`, admin)
      expect(one.email.html).toBeNull()
      expect(one.email.attachments).toEqual([{ filename: "upi-qr.png", content_type: "image/png", disposition: "inline", id: "upi-qr", size: QR_PNG.length }])
    })

    it("sends a key once: a redelivered event is a no-op", async () => {
      const first = await sendShopEmail(getContainer(), email("order-placed:order_01ONCE", { template: "order-placed" }), rendered)
      const second = await sendShopEmail(getContainer(), email("order-placed:order_01ONCE", { template: "order-placed" }), rendered)
      expect(first?.status).toBe("success")
      expect(second).toBeUndefined()
      expect(ses.sent).toHaveLength(1)
      expect(await notificationsFor("order-placed:order_01ONCE")).toHaveLength(1)

      // The same event delivered twice at the same instant: one mail, logged as sent.
      const key = "order-placed:order_01TWICE"
      const outcomes = await Promise.allSettled([0, 1].map(() => sendShopEmail(getContainer(), email(key, { template: "order-placed" }), rendered)))
      expect(ses.sent.filter((m) => m.body.Content.Simple.Subject.Data === rendered.subject)).toHaveLength(2)
      expect(outcomes.filter((o) => o.status === "fulfilled" && o.value?.status === "success")).toHaveLength(1)
      const { data } = await api.get("/admin/emails?status=sent&template=order-placed", admin)
      expect(data.count).toBe(2)
      expect((await api.get("/admin/emails?status=failed", admin)).data.count).toBe(0)
    })

    it("retries SES throttling with backoff inside one send: exactly one mail, recorded as sent", async () => {
      ses.failNext(SES_ERRORS.throttled)
      const row = await sendShopEmail(getContainer(), email("order-placed:order_01THROTTLE", { template: "order-placed" }), rendered)
      expect(ses.attempts.map((a) => a.answered)).toEqual([429, 200])
      expect(ses.sent).toHaveLength(1)
      expect(row).toMatchObject({ status: "success", external_id: ses.sent[0].messageId })
      const { data } = await api.get("/admin/emails?template=order-placed", admin)
      expect(data.emails.map((e: any) => [e.status, e.attempts])).toEqual([["sent", 1]])
    })

    it("records a permanent rejection for staff without the address, and sends on a retry after SES recovers", async () => {
      const key = "order-placed:order_01REJECT"
      ses.failNext(SES_ERRORS.rejected)
      const err = await sendShopEmail(getContainer(), email(key, { template: "order-placed" }), rendered).catch((e) => e)
      expect(err).toBeInstanceOf(Error)
      expect(err.message).toContain("MessageRejected")
      // Not retried: a rejection would fail the same way again.
      expect(ses.attempts).toHaveLength(1)
      expect(ses.sent).toHaveLength(0)
      const [failedRow] = await notificationsFor(key)
      expect(failedRow.status).toBe("failure")

      const { data: failed } = await api.get("/admin/emails?status=failed", admin)
      expect(failed.count).toBe(1)
      expect(failed.emails[0]).toMatchObject({
        template: "order-placed",
        status: "failed",
        provider_id: "ses",
        notification_id: failedRow.id,
        error_code: "MessageRejected",
        error_kind: "permanent",
      })
      expect(failed.emails[0].error_message).toBe("Email address is not verified. The following identities failed the check: <address>")

      // The identity is verified now: the subscriber's retry (same key) sends it.
      const retried = await sendShopEmail(getContainer(), email(key, { template: "order-placed" }), rendered)
      expect(ses.sent).toHaveLength(1)
      expect(retried).toMatchObject({ status: "success", external_id: ses.sent[0].messageId, original_notification_id: failedRow.id })
      const { data: after } = await api.get(`/admin/emails/${failed.emails[0].id}`, admin)
      expect(after.email).toMatchObject({ status: "sent", attempts: 2, error_code: null, error_message: null, message_id: ses.sent[0].messageId })
      expect((await api.get("/admin/emails?status=failed", admin)).data.count).toBe(0)

      // And from then on the key is done.
      expect(await sendShopEmail(getContainer(), email(key, { template: "order-placed" }), rendered)).toBeUndefined()
      expect(ses.sent).toHaveLength(1)
    })

    it("housekeeping removes e-mail log entries past EMAIL_LOG_RETENTION_DAYS (default 90) and keeps recent ones", async () => {
      await sendShopEmail(getContainer(), email("welcome:cus_OLD", { template: "customer-welcome" }), rendered)
      await sendShopEmail(getContainer(), email("welcome:cus_NEW", { template: "customer-welcome" }), rendered)
      const db = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await db.raw(`update email_message set created_at = now() - interval '91 days' where idempotency_key = ?`, ["welcome:cus_OLD"])
      const r = await runHousekeeping(getContainer())
      expect(r.emails).toBe(1)
      const { data } = await api.get("/admin/emails?template=customer-welcome", admin)
      expect(data.count).toBe(1)
      expect(data.emails[0].subject).toBe(rendered.subject)
    })

    it("answers bad list filters with 400, an unknown e-mail with 404 and strangers with 401", async () => {
      for (const q of ["status=bounced", "limit=0", "limit=abc", "offset=-1", "q="]) {
        const res = await call(api.get(`/admin/emails?${q}`, admin))
        expect([q, res.status]).toEqual([q, 400])
        expect(res.data.message).toBeTruthy()
      }
      expect((await call(api.get("/admin/emails/emsg_missing", admin))).status).toBe(404)
      expect((await call(api.get("/admin/emails"))).status).toBe(401)
    })
  },
})
