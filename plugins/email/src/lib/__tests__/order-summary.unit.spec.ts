import { BigNumber } from "@medusajs/framework/utils"
import { toOrderSummary } from "../order-summary"

describe("toOrderSummary", () => {
  it("tax-inclusive INR order: shelf-price lines, shipping with tax, tax included, exact decimals", () => {
    const s = toOrderSummary({
      id: "order_1",
      display_id: 7,
      currency_code: "inr",
      items: [
        { title: "Kurta", variant_title: "M", quantity: 3, unit_price: new BigNumber("41152"), is_tax_inclusive: true },
        { title: "Cash on delivery fee", quantity: 1, unit_price: 49, is_tax_inclusive: true },
      ],
      shipping_methods: [{ name: "Standard", is_tax_inclusive: true }],
      shipping_total: 99,
      shipping_subtotal: "83.9",
      discount_total: 0,
      tax_total: new BigNumber("5893.1"),
      total: { value: "123604" },
      shipping_address: { first_name: "Asha", last_name: "Verma", city: "Kolkata", country_code: "in", address_2: null },
    })
    expect(s).toMatchObject({
      items: [
        { title: "Kurta", variant_title: "M", quantity: 3, unit_price: "41152", total: "123456" },
        { title: "Cash on delivery fee", quantity: 1, unit_price: "49", total: "49" },
      ],
      subtotal: "123505",
      shipping_total: "99",
      tax_total: "5893.1",
      tax_inclusive: true,
      total: "123604",
      shipping_method: "Standard",
      shipping_address: { name: "Asha Verma", city: "Kolkata", country_code: "in" },
    })
    expect(s.shipping_address).not.toHaveProperty("address_2")
  })

  it("tax-exclusive USD order: shipping and discount before tax", () => {
    const s = toOrderSummary({
      id: "order_2",
      display_id: 8,
      currency_code: "usd",
      items: [{ title: "Scarf", quantity: 2, unit_price: "19.99", is_tax_inclusive: false }],
      shipping_total: "10.8",
      shipping_subtotal: "10",
      discount_total: "5.4",
      discount_subtotal: "5",
      tax_total: "3.8",
      total: "48.78",
    })
    expect(s).toMatchObject({ subtotal: "39.98", shipping_total: "10", discount_total: "5", tax_total: "3.8", tax_inclusive: false, total: "48.78" })
  })
})
