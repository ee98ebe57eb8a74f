import { options } from "../options"

describe("@indus/__NAME__ options", () => {
  it("documents its defaults", () => {
    expect(options.parse({})).toEqual({ ttl_seconds: 60 })
  })

  it("refuses a bad value by name", () => {
    expect(() => options.parse({ ttl_seconds: 0 })).toThrow(/ttl_seconds/)
  })
})
