import { mergeRanked } from "../settings"

describe("mergeRanked", () => {
  it("keeps first occurrences in order and drops the product itself", () => {
    expect(mergeRanked([["b", "c", "a"], ["c", "d", "b", "e"]], "a")).toEqual(["b", "c", "d", "e"])
  })
})
