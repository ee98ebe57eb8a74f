import { checkPrefixes } from "../prefixes"

describe("checkPrefixes", () => {
  it("accepts disjoint folders and refuses overlapping or malformed ones", () => {
    expect(checkPrefixes("media/", "private/")).toBeNull()
    expect(checkPrefixes("media/", "media/private/")).toMatch(/overlap/)
    expect(checkPrefixes("private/x/", "private/")).toMatch(/overlap/)
    expect(checkPrefixes("", "private/")).toMatch(/prefix must be a folder/)
    expect(checkPrefixes("media", "private/")).toMatch(/prefix must be a folder/)
    expect(checkPrefixes("media/", "/private/")).toMatch(/private_prefix must be a folder/)
    expect(checkPrefixes("media/", "../x/")).toMatch(/private_prefix must be a folder/)
  })
})
