import { BigNumber, MathBN } from "@medusajs/framework/utils"
import { formatMoney, toDecimalString } from "../money"

describe("formatMoney", () => {
  it("formats INR with Indian digit grouping", () => {
    expect(formatMoney("123456", "inr")).toBe("₹1,23,456.00")
    expect(formatMoney(new BigNumber("12345678.5"), "INR")).toBe("₹1,23,45,678.50")
    expect(formatMoney(0, "inr")).toBe("₹0.00")
  })

  it("formats USD, EUR and GBP in their own locale", () => {
    expect(formatMoney("1234567.89", "usd")).toBe("$1,234,567.89")
    expect(formatMoney("1234.5", "eur")).toBe("€1,234.50")
    expect(formatMoney("99.99", "gbp")).toBe("£99.99")
  })

  it("formats zero-decimal currencies without minor units", () => {
    expect(formatMoney("1500", "jpy")).toBe("¥1,500")
  })

  it("keeps every digit of amounts a float would lose", () => {
    // 2^53 + 1 is not representable as a double; a float path would print …992.
    expect(formatMoney("9007199254740993.25", "usd")).toBe("$9,007,199,254,740,993.25")
    // 0.1 + 0.2 in BigNumber arithmetic stays 0.30
    expect(formatMoney(MathBN.add("0.1", "0.2"), "inr")).toBe("₹0.30")
  })

  it("reads Medusa's raw amounts", () => {
    expect(toDecimalString({ value: "499.5", precision: 20 } as any)).toBe("499.5")
    expect(formatMoney({ value: "499.5" }, "inr")).toBe("₹499.50")
    expect(toDecimalString(null)).toBe("0")
  })
})
