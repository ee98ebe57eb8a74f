import { CATEGORIES, COLLECTIONS, PRODUCT_LINES, skuFor, toAmount, variantPrice, wholeUnits } from "../catalog"
import { REGIONS, SHIPPING } from "../regions"
import { productSvg } from "../product-images"

describe("demo catalog", () => {
  const variants = PRODUCT_LINES.flatMap((line) =>
    (line.sizes ?? [null]).flatMap((size) => line.colours.map((colour) => ({ line, size, colour })))
  )

  it("has at least 40 products with unique handles across every category and collection", () => {
    expect(PRODUCT_LINES.length).toBeGreaterThanOrEqual(40)
    expect(new Set(PRODUCT_LINES.map((l) => l.handle)).size).toBe(PRODUCT_LINES.length)
    const leafCategories = CATEGORIES.filter((c) => c.parent).map((c) => c.handle)
    expect(new Set(PRODUCT_LINES.map((l) => l.category))).toEqual(new Set(leafCategories))
    expect(new Set(PRODUCT_LINES.map((l) => l.collection))).toEqual(new Set(COLLECTIONS.map((c) => c.handle)))
  })

  it("gives every variant a unique SKU", () => {
    const skus = variants.map(({ line, size, colour }) => skuFor(line, size, colour))
    expect(new Set(skus).size).toBe(skus.length)
    expect(skuFor(PRODUCT_LINES.find((l) => l.handle === "jute-tote")!, null, "Natural/Indigo")).toBe("JUTE-TOTE-NATURALINDIGO")
  })

  it("prices every variant in whole paise and cents in all three currencies", () => {
    for (const { line, size } of variants) {
      const price = variantPrice(line, size)
      for (const minor of [price.inr, price.usd, price.eur]) {
        expect(Number.isInteger(minor)).toBe(true)
        expect(minor).toBeGreaterThan(0)
      }
    }
  })

  it("charges a fixed surcharge for XL only", () => {
    const tee = PRODUCT_LINES.find((l) => l.handle === "organic-crew-tee")!
    expect(variantPrice(tee, "M")).toEqual(tee.price)
    expect(variantPrice(tee, "XL")).toEqual({ inr: 89900, usd: 2500, eur: 2300 })
  })
})

describe("money conversion", () => {
  it("turns minor units into exact decimal strings", () => {
    expect(toAmount(79900, "inr")).toBe("799.00")
    expect(toAmount(5, "inr")).toBe("0.05")
    expect(toAmount(123456789, "inr")).toBe("1234567.89")
  })

  it("refuses fractional or negative minor units", () => {
    expect(() => toAmount(10.5, "inr")).toThrow(/whole minor units/)
    expect(() => toAmount(-1, "inr")).toThrow()
    expect(() => wholeUnits(9950, "inr")).toThrow()
    expect(wholeUnits(9900, "inr")).toBe(99)
  })
})

describe("regions", () => {
  it("sells in INR, USD and EUR with GST-style slabs in India", () => {
    expect(REGIONS.map((r) => r.currency_code)).toEqual(["inr", "usd", "eur"])
    const india = REGIONS.find((r) => r.key === "in")!
    expect(india.tax_inclusive).toBe(true)
    expect(india.tax.default).toMatchObject({ code: "GST18", rate: 18 })
    expect(india.tax.default!.reduced).toEqual([expect.objectContaining({ code: "GST5", rate: 5, product_types: ["Apparel", "Accessories"] })])
    for (const r of REGIONS) expect(SHIPPING.options[r.key].length).toBeGreaterThanOrEqual(2)
  })
})

describe("product images", () => {
  it("escapes titles so every image is valid SVG", () => {
    const line = { ...PRODUCT_LINES[0], title: `Salt & "Pepper" <Mug>` }
    const svg = productSvg(line, "Black & White", 0)
    expect(svg).not.toMatch(/& |<Mug>|"Pepper"/)
    expect(svg).toContain("Salt &#38;")
    expect(svg.startsWith("<svg")).toBe(true)
  })
})
