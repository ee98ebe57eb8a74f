import { totalWithoutFeePaise } from "../offline/cod-cart"

const cart = (total: string, items: { id: string; total: string; metadata?: Record<string, unknown> }[] = []) => ({
  id: "cart_1",
  currency_code: "inr",
  total,
  items,
})

describe("COD cart total", () => {
  it("takes Medusa's tax-inclusive total, with its digits far below a paisa, as whole paise", () => {
    expect(totalWithoutFeePaise(cart("897.9999999999999999999923"))).toBe(89800)
    expect(totalWithoutFeePaise(cart("1048.0000000000000000000023"))).toBe(104800)
  })

  it("leaves out a COD fee line already on the cart", () => {
    const items = [
      { id: "item_tee", total: "799" },
      { id: "item_fee", total: "49", metadata: { cod_fee: true } },
    ]
    expect(totalWithoutFeePaise(cart("946.9999999999999999999923", items))).toBe(89800)
  })
})
