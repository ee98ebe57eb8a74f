import { mergeRanked, recommendationSettings } from "../settings"

describe("recommendation settings", () => {
  it("reads env values and falls back on bad ones", () => {
    const s = recommendationSettings({ RECOMMENDATIONS_MIN_SUPPORT: "2", RECOMMENDATIONS_WINDOW_DAYS: "-3", RECOMMENDATIONS_PER_PRODUCT: "x" })
    expect(s).toMatchObject({ minSupport: 2, windowDays: 365, perProduct: 12 })
  })
})

describe("mergeRanked", () => {
  it("keeps first occurrences in order and drops the product itself", () => {
    expect(mergeRanked([["b", "c", "a"], ["c", "d", "b", "e"]], "a")).toEqual(["b", "c", "d", "e"])
  })
})
