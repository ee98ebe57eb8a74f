import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedDemo, type SeedResult } from "../helpers/seed"
import { findVariant, guestCheckout } from "../helpers/store"
import { adminAuth } from "../helpers/admin"

jest.setTimeout(180 * 1000)

/** Integer paise from a Medusa amount (a decimal number of rupees). */
const paise = (amount: number) => Math.round(amount * 100)

/** Tax contained in a tax-inclusive gross amount, in paise, rounded once at the end like an invoice. */
function inclusiveTaxPaise(lines: { grossPaise: number; rate: number }[]): number {
  const MICRO = 1_000_000n
  const micro = lines.reduce(
    (sum, { grossPaise, rate }) => sum + (BigInt(grossPaise) * BigInt(rate) * MICRO) / BigInt(100 + rate),
    0n
  )
  return Number((micro + MICRO / 2n) / MICRO)
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult

    beforeAll(async () => {
      seed = await seedDemo(getContainer())
    })

    it("a guest buys in INR; item, shipping and GST totals are right to the paisa", async () => {
      const region = seed.region_ids.in
      const tee = await findVariant(api, seed.publishable_key, "organic-crew-tee", region) // apparel: GST 5%
      const mug = await findVariant(api, seed.publishable_key, "stoneware-mug", region) // homeware: GST 18%
      const teePaise = paise(tee.variant.calculated_price.calculated_amount)
      const mugPaise = paise(mug.variant.calculated_price.calculated_amount)
      expect([teePaise, mugPaise]).toEqual([79900, 49900])

      const { order, shippingOption } = await guestCheckout(api, seed.publishable_key, {
        regionId: region,
        items: [
          { variant_id: tee.variant.id, quantity: 2 },
          { variant_id: mug.variant.id, quantity: 1 },
        ],
        shippingOptionName: "Standard Delivery",
      })
      expect(paise(shippingOption.amount)).toBe(9900)

      // Indian prices include GST, so the total is what the shopper saw on the shelf.
      const itemsPaise = 2 * 79900 + 49900
      const expectedItemTax = inclusiveTaxPaise([{ grossPaise: 2 * 79900, rate: 5 }, { grossPaise: 49900, rate: 18 }])
      const expectedShippingTax = inclusiveTaxPaise([{ grossPaise: 9900, rate: 18 }])
      const expectedTax = inclusiveTaxPaise([
        { grossPaise: 2 * 79900, rate: 5 },
        { grossPaise: 49900, rate: 18 },
        { grossPaise: 9900, rate: 18 },
      ])

      expect(order.currency_code).toBe("inr")
      expect(paise(order.item_total)).toBe(itemsPaise)
      expect(paise(order.shipping_total)).toBe(9900)
      expect(paise(order.item_tax_total)).toBe(expectedItemTax)
      expect(paise(order.shipping_tax_total)).toBe(expectedShippingTax)
      expect(paise(order.tax_total)).toBe(expectedTax)
      expect(expectedTax).toBe(16732) // ₹76.10 + ₹76.12 + ₹15.10, rounded once
      expect(paise(order.total)).toBe(itemsPaise + 9900)

      const teeLine = order.items.find((i: any) => i.variant_id === tee.variant.id)
      expect(teeLine.quantity).toBe(2)
      expect(teeLine.tax_lines.map((t: any) => [t.code, Number(t.rate)])).toEqual([["GST5", 5]])
      const mugLine = order.items.find((i: any) => i.variant_id === mug.variant.id)
      expect(mugLine.tax_lines.map((t: any) => [t.code, Number(t.rate)])).toEqual([["GST18", 18]])

      // Staff see the same order, with its payment authorized by the system provider.
      const auth = await adminAuth(api, getContainer())
      const { data } = await api.get(
        `/admin/orders/${order.id}?fields=id,total,payment_status,*payment_collections`,
        auth
      )
      expect(paise(data.order.total)).toBe(itemsPaise + 9900)
      expect(data.order.payment_status).toBe("authorized")
    })

    it("refuses to add more of a variant than is in stock", async () => {
      const region = seed.region_ids.in
      const { variant } = await findVariant(api, seed.publishable_key, "pashmina-shawl", region)
      const { data: { cart } } = await api.post(
        "/store/carts",
        { region_id: region },
        { headers: { "x-publishable-api-key": seed.publishable_key } }
      )
      const res = await api
        .post(`/store/carts/${cart.id}/line-items`, { variant_id: variant.id, quantity: 10_000 }, {
          headers: { "x-publishable-api-key": seed.publishable_key },
        })
        .catch((e) => e.response)
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/inventory|stock/i)
    })
  },
})
