import { emailDeliveryFromEnv } from "../delivery-config"

describe("e-mail delivery choice", () => {
  it("uses the local outbox without SES settings, and says so", () => {
    for (const env of [{}, { SES_REGION: "ap-south-1" }, { EMAIL_FROM: "orders@shop.example" }]) {
      const d = emailDeliveryFromEnv(env)
      expect(d.path).toBe("outbox")
      expect(d.provider).toEqual({ resolve: "@indus/email/providers/outbox", id: "outbox", options: { channels: ["email"] } })
      expect(d.summary).toMatch(/local outbox/)
    }
    expect(emailDeliveryFromEnv({ SES_REGION: "ap-south-1" }).summary).toMatch(/EMAIL_FROM not set/)
  })

  it("uses SES with region and sender, the SDK credential chain unless both keys are set", () => {
    const d = emailDeliveryFromEnv({ SES_REGION: "ap-south-1", EMAIL_FROM: "orders@shop.example", SES_ACCESS_KEY_ID: "AKIA123" })
    expect(d.path).toBe("ses")
    expect(d.provider).toEqual({
      resolve: "@indus/email/providers/ses",
      id: "ses",
      options: { channels: ["email"], region: "ap-south-1", from: "orders@shop.example" },
    })
    expect(d.summary).toBe("E-mail: Amazon SES (region ap-south-1, no configuration set, default AWS credential chain)")
  })

  it("passes every optional setting through, and never puts a secret in the summary", () => {
    const d = emailDeliveryFromEnv({
      SES_REGION: "ap-south-1",
      EMAIL_FROM: "\"Indus Shop\" <orders@shop.example>",
      EMAIL_REPLY_TO: "help@shop.example",
      SES_CONFIGURATION_SET: "shop-events",
      SES_ENDPOINT: "http://127.0.0.1:4570",
      SES_ACCESS_KEY_ID: "AKIA123",
      SES_SECRET_ACCESS_KEY: "very-secret",
      SES_MAX_ATTEMPTS: "3",
    })
    expect(d.provider.options).toEqual({
      channels: ["email"],
      region: "ap-south-1",
      from: "\"Indus Shop\" <orders@shop.example>",
      reply_to: "help@shop.example",
      configuration_set: "shop-events",
      endpoint: "http://127.0.0.1:4570",
      credentials: { access_key_id: "AKIA123", secret_access_key: "very-secret" },
      max_attempts: 3,
    })
    expect(d.summary).toContain("configuration set shop-events")
    expect(d.summary).not.toMatch(/AKIA123|very-secret/)
  })
})
