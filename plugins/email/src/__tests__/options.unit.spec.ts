import { options } from "../options"

describe("@indus/email options", () => {
  it("documents its defaults", () => {
    expect(options.parse({})).toEqual({ outbox_provider_id: "outbox", max_kept_attachment_bytes: 2 * 1024 * 1024 })
    expect(options.parse({ templates: "./src/emails" }).templates).toBe("./src/emails")
  })

  it("refuses a bad value by name", () => {
    expect(() => options.parse({ max_kept_attachment_bytes: -1 })).toThrow(/max_kept_attachment_bytes/)
    expect(() => options.parse({ templates: " " })).toThrow(/templates/)
  })
})
