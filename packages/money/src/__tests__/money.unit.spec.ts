import { currencyExponent, decimalText, formatMinor, formatMoney, fromMinor, toMinor } from "../index"

describe("decimalText", () => {
  it.each([
    ["1598.5", "1598.5"],
    [1598.5, "1598.5"],
    [12n, "12"],
    [{ value: "10.25" }, "10.25"],
    [{ raw: { value: "0.07" }, value: 999 }, "0.07"],
    ["+3", "3"],
    [1e-7, "0.0000001"],
    ["2.5E3", "2500"],
  ])("%p -> %s", (input, text) => {
    expect(decimalText(input as never)).toBe(text)
  })

  it.each([["abc"], ["1,000"], [NaN], [Infinity], [{}], [null], ["1".repeat(65)]])("refuses %p", (input) => {
    expect(() => decimalText(input as never)).toThrow()
  })
})

describe("toMinor / fromMinor", () => {
  it("uses each currency's own minor unit", () => {
    expect(currencyExponent("inr")).toBe(2)
    expect(currencyExponent("JPY")).toBe(0)
    expect(currencyExponent("kwd")).toBe(3)
    expect(toMinor("1598.5", "inr")).toBe(159850)
    expect(toMinor("1598", "jpy")).toBe(1598)
    expect(toMinor("1.234", "kwd")).toBe(1234)
  })

  it("rounds half away from zero by default, with no float error", () => {
    expect(toMinor("1.005", "inr")).toBe(101)
    expect(toMinor("-1.005", "inr")).toBe(-101)
    expect(toMinor("1.00499999", "inr")).toBe(100)
    expect(toMinor(0.1 + 0.2, "usd")).toBe(30)
    expect(toMinor("-0.001", "inr")).toBe(0)
  })

  it("refuses a fraction of a paisa when asked to be exact", () => {
    expect(() => toMinor("10.001", "inr", "exact")).toThrow(/more than 2 decimal places/)
    expect(toMinor("10.0100", "inr", "exact")).toBe(1001)
  })

  it("refuses amounts beyond Number's safe integers", () => {
    expect(() => toMinor("99999999999999999", "inr")).toThrow(/out of range/)
  })

  it("round-trips minor units to Medusa's decimal text", () => {
    expect(fromMinor(159850, "inr")).toBe("1598.50")
    expect(fromMinor(-7, "inr")).toBe("-0.07")
    expect(fromMinor(1598, "jpy")).toBe("1598")
    expect(fromMinor(5n, "kwd")).toBe("0.005")
    for (const n of [0, 1, 99, 100, 123456789]) expect(toMinor(fromMinor(n, "inr"), "inr")).toBe(n)
    expect(() => fromMinor(1.5, "inr")).toThrow()
  })
})

describe("formatMoney", () => {
  it("groups rupees the Indian way and other currencies in their own locale", () => {
    expect(formatMoney("1898", "inr")).toBe("₹1,898.00")
    expect(formatMoney("123456.5", "INR")).toBe("₹1,23,456.50")
    expect(formatMoney("1234567.5", "usd")).toBe("$1,234,567.50")
    expect(formatMoney("1234.5", "eur")).toBe("€1,234.50")
    expect(formatMoney("1500", "jpy")).toBe("¥1,500")
  })

  it("formats the exact decimal, not a rounded double", () => {
    expect(formatMoney("90071992547409.93", "usd")).toBe("$90,071,992,547,409.93")
  })

  it("formats minor units and takes a reader's locale", () => {
    expect(formatMinor(189800, "inr")).toBe("₹1,898.00")
    expect(formatMoney("1234.5", "eur", "de-DE")).toBe("1.234,50\u00a0€")
  })
})
