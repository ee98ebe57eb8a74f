import { BigNumber } from "@medusajs/framework/utils"
import { amountText } from "../amount"

describe("amountText", () => {
  it("reads Medusa's amounts as exact decimal text without the stored padding", () => {
    expect(amountText(new BigNumber("41152"))).toBe("41152")
    expect(amountText(new BigNumber("5893.1"))).toBe("5893.1")
    expect(amountText({ value: "499.50" })).toBe("499.5")
    expect(amountText("9007199254740993.25")).toBe("9007199254740993.25")
    expect(amountText(1200)).toBe("1200")
  })

  it("treats a missing amount as zero", () => {
    expect(amountText(null)).toBe("0")
    expect(amountText(undefined)).toBe("0")
  })
})
