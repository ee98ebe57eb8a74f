import { buildSendEmailInput, emailTags, sanitizeTagValue } from "../request"

const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00])

const notification = (over: Record<string, unknown> = {}) => ({
  id: "noti_01JABC",
  to: "asha@example.in",
  channel: "email",
  template: "upi-instructions",
  resource_type: "order",
  content: { subject: "Pay ₹1,23,456.00 by UPI", html: "<p>Scan <img src=\"cid:upi-qr\"></p>", text: "Scan the QR" },
  attachments: [
    { filename: "upi-qr.png", content: PNG_BYTES.toString("base64"), content_type: "image/png", disposition: "inline", id: "upi-qr" },
    { filename: "invoice.pdf", content: Buffer.from("%PDF-1.7").toString("base64"), content_type: "application/pdf" },
  ],
  ...over,
})

describe("SES SendEmail request", () => {
  const options = { from: "\"Indus Shop\" <orders@shop.example>", reply_to: "help@shop.example", configuration_set: "shop-events" }

  it("sends Simple content with subject, HTML and text, from the configured sender", () => {
    const input = buildSendEmailInput(notification(), options)
    expect(input.FromEmailAddress).toBe("\"Indus Shop\" <orders@shop.example>")
    expect(input.Destination).toEqual({ ToAddresses: ["asha@example.in"] })
    expect(input.ReplyToAddresses).toEqual(["help@shop.example"])
    expect(input.ConfigurationSetName).toBe("shop-events")
    const simple = input.Content!.Simple!
    expect(simple.Subject).toEqual({ Data: "Pay ₹1,23,456.00 by UPI", Charset: "UTF-8" })
    expect(simple.Body!.Html!.Data).toContain("cid:upi-qr")
    expect(simple.Body!.Text!.Data).toBe("Scan the QR")
  })

  it("turns base64 attachments into bytes, inline images with their Content-ID", () => {
    const [qr, pdf] = buildSendEmailInput(notification(), options).Content!.Simple!.Attachments!
    expect(Buffer.from(qr.RawContent!)).toEqual(PNG_BYTES)
    expect(qr).toMatchObject({ FileName: "upi-qr.png", ContentType: "image/png", ContentDisposition: "INLINE", ContentId: "upi-qr", ContentTransferEncoding: "BASE64" })
    expect(Buffer.from(pdf.RawContent!).toString()).toBe("%PDF-1.7")
    expect(pdf).toMatchObject({ FileName: "invoice.pdf", ContentDisposition: "ATTACHMENT", ContentTransferEncoding: "BASE64" })
    expect(pdf.ContentId).toBeUndefined()
  })

  it("omits what is not configured or not given", () => {
    const input = buildSendEmailInput(notification({ attachments: undefined, content: { subject: "Hi", text: "plain only" } }), { from: "orders@shop.example" })
    expect(input.ReplyToAddresses).toBeUndefined()
    expect(input.ConfigurationSetName).toBeUndefined()
    expect(input.Content!.Simple!.Attachments).toBeUndefined()
    expect(input.Content!.Simple!.Body).toEqual({ Text: { Data: "plain only", Charset: "UTF-8" } })
  })

  it("prefers a per-notification sender", () => {
    expect(buildSendEmailInput(notification({ from: "staff@shop.example" }), options).FromEmailAddress).toBe("staff@shop.example")
  })

  it("refuses a notification without a rendered subject or body, naming the template and not the recipient", () => {
    expect(() => buildSendEmailInput(notification({ content: { html: "<p>x</p>" } }), options)).toThrow(/upi-instructions/)
    expect(() => buildSendEmailInput(notification({ content: { subject: "Hi" } }), options)).toThrow(/rendered subject and body/)
    try {
      buildSendEmailInput(notification({ content: null }), options)
    } catch (e) {
      expect(String((e as Error).message)).not.toContain("asha@example.in")
    }
  })

  it("tags template, resource type and notification id with SES-safe values", () => {
    expect(emailTags(notification({ template: "order placed/v2", resource_type: "order" }) as any)).toEqual([
      { Name: "template", Value: "order_placed_v2" },
      { Name: "resource_type", Value: "order" },
      { Name: "notification_id", Value: "noti_01JABC" },
    ])
    expect(emailTags(notification({ resource_type: null, id: undefined }) as any)).toEqual([{ Name: "template", Value: "upi-instructions" }])
    expect(buildSendEmailInput(notification(), options).EmailTags).toHaveLength(3)
  })

  it("sanitizes tag values to letters, digits, _ and -, at most 256 characters", () => {
    expect(sanitizeTagValue("ordre-passé #1")).toBe("ordre-pass___1")
    expect(sanitizeTagValue("x".repeat(300))).toHaveLength(256)
    expect(sanitizeTagValue("@@@")).toBeUndefined()
    expect(sanitizeTagValue(undefined)).toBeUndefined()
    expect(sanitizeTagValue("")).toBeUndefined()
  })
})
