import { checkCodEligibility, type CodCart } from "../eligibility"

const cart = (over: Partial<CodCart> = {}): CodCart => ({
  currency_code: "inr",
  totalPaise: 89800,
  postal_code: "560001",
  shippingOptions: [{ id: "so_std", name: "Standard Delivery" }],
  ...over,
})
const rules = { minTotalPaise: 30000, maxTotalPaise: 500000, blockedPincodes: ["110001"], allowedShippingOptions: ["Standard Delivery"] }

describe("COD eligibility", () => {
  it("accepts an INR cart within the rules", () => {
    expect(checkCodEligibility(cart(), rules)).toEqual({ eligible: true })
    expect(checkCodEligibility(cart({ totalPaise: 500000 }), rules)).toEqual({ eligible: true })
  })

  it.each([
    [{ currency_code: "usd" }, "currency"],
    [{ totalPaise: 29999 }, "min_total"],
    [{ totalPaise: 500001 }, "max_total"],
    [{ postal_code: "110 001" }, "pincode"],
    [{ postal_code: null }, "no_address"],
    [{ shippingOptions: [] }, "no_shipping"],
    [{ shippingOptions: [{ id: "so_exp", name: "Express Delivery" }] }, "shipping_option"],
  ])("refuses %j with code %s and a reason", (over, code) => {
    const d = checkCodEligibility(cart(over as Partial<CodCart>), rules)
    expect(d).toMatchObject({ eligible: false, code })
    expect((d as { reason: string }).reason.length).toBeGreaterThan(10)
  })

  it("states the limits in rupees grouped as the admin shows them", () => {
    expect(checkCodEligibility(cart({ totalPaise: 500001 }), rules)).toMatchObject({ reason: expect.stringContaining("₹5,000.00") })
    expect(checkCodEligibility(cart({ totalPaise: 100 }), rules)).toMatchObject({ reason: expect.stringContaining("₹300.00") })
  })

  it("allows any shipping option when no list is configured", () => {
    expect(checkCodEligibility(cart({ shippingOptions: [{ name: "Express Delivery" }] }), {})).toEqual({ eligible: true })
  })
})
