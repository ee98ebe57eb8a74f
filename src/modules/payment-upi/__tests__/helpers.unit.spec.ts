import { buildUpiUri, isUtr, isVpa, paiseToRupees, rupeesToPaise, toPaise, upiReference } from "../helpers"

describe("UPI helpers", () => {
  it("formats am with exactly two decimals from integer paise", () => {
    expect(paiseToRupees(89800)).toBe("898.00")
    expect(paiseToRupees(5)).toBe("0.05")
    expect(paiseToRupees(123456789)).toBe("1234567.89")
    expect(() => paiseToRupees(1.5)).toThrow()
  })

  it("converts Medusa amounts to paise without floats and refuses fractions of a paisa", () => {
    expect(toPaise(898)).toBe(89800)
    expect(toPaise("0.1")).toBe(10)
    expect(toPaise(19.99)).toBe(1999)
    expect(() => toPaise("1.005")).toThrow(/whole number of paise/)
  })

  it("reads rupee text strictly", () => {
    expect(rupeesToPaise("898")).toBe(89800)
    expect(rupeesToPaise("898.5")).toBe(89850)
    expect(rupeesToPaise("1,898.50")).toBe(189850)
    for (const bad of ["", "ten", "1.005", "-5", "12.3.4", "1e3"]) expect(rupeesToPaise(bad)).toBeNull()
  })

  it("accepts 12-digit UTRs and well-formed VPAs only", () => {
    expect(isUtr("412345678901")).toBe(true)
    for (const bad of ["41234567890", "4123456789012", "41234567890a", 412345678901]) expect(isUtr(bad)).toBe(false)
    expect(isVpa("shop.name@okaxis")).toBe(true)
    expect(isVpa("shop@")).toBe(false)
    expect(isVpa("a b@upi")).toBe(false)
  })

  it("keeps tr alphanumeric and at most 35 characters", () => {
    expect(upiReference("payses_01JABCDEFGHJKMNPQRSTVWXYZ12")).toBe("payses01JABCDEFGHJKMNPQRSTVWXYZ12")
    expect(upiReference("x".repeat(50) + "_1")).toHaveLength(35)
  })

  it("builds the NPCI intent with every value URL-encoded", () => {
    const uri = buildUpiUri({ vpa: "shop@okaxis", payeeName: "Chai & Co", paise: 49900, reference: "ref1", note: "Order ref1" })
    expect(uri).toBe("upi://pay?pa=shop%40okaxis&pn=Chai%20%26%20Co&am=499.00&cu=INR&tr=ref1&tn=Order%20ref1")
    const p = new URL(uri).searchParams
    expect([p.get("pa"), p.get("pn"), p.get("am"), p.get("cu")]).toEqual(["shop@okaxis", "Chai & Co", "499.00", "INR"])
  })
})
