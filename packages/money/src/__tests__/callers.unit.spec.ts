import { decimalText, formatMinor, formatMoney, fromMinor, toMinor } from "../index"

// The semantics each former converter in the shop had, now expressed with the one package.

describe("gateway amounts (exact: a fraction of a minor unit is refused, never rounded)", () => {
  it("converts Medusa's major units into integer minor units exactly", () => {
    expect(toMinor(499.5, "inr", "exact")).toBe(49950)
    expect(toMinor("19.99", "INR", "exact")).toBe(1999) // 19.99 * 100 is 1998.9999999999998 in floats
    expect(toMinor(0.29, "inr", "exact")).toBe(29) // 0.29 * 100 is 28.999999999999996
    expect(toMinor({ raw: { value: "1234.56" } }, "inr", "exact")).toBe(123456)
    expect(toMinor(150, "jpy", "exact")).toBe(150)
    expect(toMinor("1.234", "kwd", "exact")).toBe(1234)
  })

  it("refuses fractions of a minor unit, bad text and amounts beyond safe integers", () => {
    expect(() => toMinor(10.005, "inr", "exact")).toThrow(/more than 2 decimal places/)
    expect(() => toMinor("98.9009", "inr", "exact")).toThrow(RangeError)
    expect(() => toMinor(1.5, "jpy", "exact")).toThrow(/more than 0 decimal places/)
    expect(() => toMinor("abc", "inr", "exact")).toThrow(TypeError)
    expect(() => toMinor(1e20, "inr", "exact")).toThrow(/out of range/)
  })

  it("takes a gateway's own digits where they differ from CLDR", () => {
    expect(toMinor("1000", "huf", "exact", 2)).toBe(100000)
    expect(fromMinor(100000, "huf", 2)).toBe("1000.00")
    expect(toMinor("1000", "huf", "exact")).toBe(1000)
  })

  it("reads bignumber.js values (MathBN results) through their exact toFixed()", () => {
    const bn = (text: string) => ({ toFixed: () => text })
    expect(decimalText(bn("1000"))).toBe("1000")
    expect(toMinor(bn("0.30"), "inr", "exact")).toBe(30)
  })

  it("gives UPI's `am` value: rupees with exactly two decimals", () => {
    expect(fromMinor(89800, "inr")).toBe("898.00")
    expect(fromMinor(5, "inr")).toBe("0.05")
    expect(fromMinor(123456789, "inr")).toBe("1234567.89")
  })
})

describe("reporting amounts (half-up: analytics and search documents)", () => {
  it("rounds extra digits half up, with no float drift", () => {
    expect(toMinor("2197", "inr")).toBe(219700)
    expect(toMinor({ value: "0.285" }, "usd")).toBe(29)
    expect(toMinor("10.005", "eur")).toBe(1001)
    expect(toMinor(0.1 + 0.2, "eur")).toBe(30)
    expect(toMinor("-12.5", "inr")).toBe(-1250)
    expect(() => toMinor("12,5", "inr")).toThrow(/not a decimal/)
  })
})

describe("formatting for people (admin pages, e-mails, messages)", () => {
  it("groups digits as Medusa's admin does, never ₹1898.00", () => {
    expect(formatMinor(189800, "inr")).toBe("₹1,898.00")
    expect(formatMinor(5000, "inr")).toBe("₹50.00")
    expect(formatMinor(-5000, "usd")).toBe("-$50.00")
    expect(formatMoney("898", "inr")).toBe("₹898.00")
    expect(formatMoney({ value: "499.5" }, "inr")).toBe("₹499.50")
  })
})
