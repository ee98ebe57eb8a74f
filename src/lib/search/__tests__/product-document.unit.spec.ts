import { expandSynonyms, parseSynonyms, DEFAULT_SYNONYMS } from "../synonyms"
import { documentUpdatedAt, minPrices, toProductDocument, variantInStock } from "../product-document"

describe("product search document", () => {
  it("takes the lowest plain price per currency, ignoring price lists and rule-based prices", () => {
    const variants = [
      { prices: [{ currency_code: "inr", raw_amount: { value: "899" } }, { currency_code: "usd", amount: 24 }] },
      { prices: [
        { currency_code: "inr", raw_amount: { value: "799" } },
        { currency_code: "inr", raw_amount: { value: "499" }, price_list_id: "plist_sale" },
        { currency_code: "inr", raw_amount: { value: "399" }, rules_count: 1 },
        { currency_code: "gbp", amount: 20 },
      ] },
    ]
    expect(minPrices(variants, ["inr", "usd", "eur"])).toEqual({ inr: 79900, usd: 2400 })
  })

  it("is in stock when unmanaged, backorderable, or every required item is available", () => {
    expect(variantInStock({ manage_inventory: false })).toBe(true)
    expect(variantInStock({ manage_inventory: true, allow_backorder: true, inventory_items: [] })).toBe(true)
    const item = (stocked: number, reserved: number, required = 1) => ({
      required_quantity: required,
      inventory: { location_levels: [{ stocked_quantity: stocked, reserved_quantity: reserved }] },
    })
    expect(variantInStock({ manage_inventory: true, inventory_items: [item(5, 5)] })).toBe(false)
    expect(variantInStock({ manage_inventory: true, inventory_items: [item(5, 3, 2)] })).toBe(true)
    expect(variantInStock({ manage_inventory: true, inventory_items: [item(5, 3, 3)] })).toBe(false)
    expect(variantInStock({ manage_inventory: true, inventory_items: [] })).toBe(false)
  })

  it("expands synonym groups from what the product says, both ways, plurals included", () => {
    expect(expandSynonyms(["Organic Cotton Crew Tee"], DEFAULT_SYNONYMS)).toEqual(["tee", "t-shirt", "tshirt"])
    expect(expandSynonyms(["T-Shirts"], DEFAULT_SYNONYMS)).toEqual(["tee", "t-shirt", "tshirt"])
    expect(expandSynonyms(["Silk Festive Kurta"], DEFAULT_SYNONYMS)).toEqual(["kurta", "kurti"])
    expect(expandSynonyms(["Teak Board"], DEFAULT_SYNONYMS)).toEqual([])
    expect(parseSynonyms(" tee, T-Shirt ;kurta,kurti; lonely ")).toEqual([["tee", "t-shirt"], ["kurta", "kurti"]])
    expect(parseSynonyms(undefined)).toBe(DEFAULT_SYNONYMS)
  })

  it("builds the indexed document: scoping fields top-level, options split into sizes and colours", () => {
    const doc = toProductDocument({
      id: "prod_1", title: "Organic Cotton Crew Tee", subtitle: "Soft", handle: "organic-crew-tee", status: "published",
      created_at: new Date("2026-01-02T03:04:05Z"), thumbnail: "http://x/t.svg",
      sales_channels: [{ id: "sc_1" }, null], tags: [{ value: "organic" }], categories: [{ id: "pcat_1", name: "T-Shirts" }],
      collection: { id: "pcol_1", title: "Everyday Essentials" }, type: { value: "Apparel" },
      variants: [
        { sku: "TEE-S-WHITE", manage_inventory: false, options: [{ value: "S", option: { title: "Size" } }, { value: "White", option: { title: "Colour" } }],
          prices: [{ currency_code: "inr", raw_amount: { value: "799" } }] },
        { sku: "TEE-XL-WHITE", manage_inventory: false, options: [{ value: "XL", option: { title: "Size" } }, { value: "White", option: { title: "Colour" } }],
          prices: [{ currency_code: "inr", raw_amount: { value: "899" } }] },
      ],
    }, { currencies: ["inr", "usd"], synonyms: DEFAULT_SYNONYMS })
    expect(doc).toEqual({
      id: "prod_1", title: "Organic Cotton Crew Tee", subtitle: "Soft", handle: "organic-crew-tee", status: "published",
      thumbnail: "http://x/t.svg", created_at: "2026-01-02T03:04:05.000Z",
      sales_channel_ids: ["sc_1"], tags: ["organic"], categories: ["T-Shirts"], category_ids: ["pcat_1"],
      collection: "Everyday Essentials", collection_id: "pcol_1", type: "Apparel",
      skus: ["TEE-S-WHITE", "TEE-XL-WHITE"], sizes: ["S", "XL"], colours: ["White"], option_values: ["S", "White", "XL"],
      min_price: { inr: 79900 }, in_stock: true, keywords: ["tee", "t-shirt", "tshirt"],
    })
  })

  it("stamps the document with the latest change among product, variants, prices and stock levels", () => {
    const row = {
      id: "prod_1", title: "Tee", handle: "tee", status: "published", updated_at: new Date("2026-01-01T00:00:00Z"),
      variants: [
        { updated_at: "2026-01-02T00:00:00.000Z", prices: [{ currency_code: "inr", amount: 1, updated_at: new Date("2026-01-05T10:00:00.123Z") }] },
        { updated_at: "2026-01-03T00:00:00.000Z", inventory_items: [{ inventory: { location_levels: [{ updated_at: "2026-01-04T00:00:00.000Z" }, null] } }] },
        null,
      ],
    }
    expect(documentUpdatedAt(row)).toBe("2026-01-05T10:00:00.123Z")
    expect(documentUpdatedAt({ ...row, variants: [] })).toBe("2026-01-01T00:00:00.000Z")
    expect(documentUpdatedAt({ id: "prod_2", updated_at: "not a date" })).toBeUndefined()
    expect(toProductDocument(row, { currencies: ["inr"], synonyms: [] }).updated_at).toBe("2026-01-05T10:00:00.123Z")
  })
})
