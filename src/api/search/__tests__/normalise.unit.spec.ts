import { searchCacheKey } from "../normalise"

describe("searchCacheKey", () => {
  const body = { entity: "product", filters: { q: "Kurta  Silk", categories: "Kurtas" }, fields: ["id", "title"] }

  it("gives the same key for the same search typed differently (key order, spacing, case of q)", () => {
    const same = { fields: ["id", "title"], filters: { categories: "Kurtas", q: "  kurta silk " }, entity: "product" }
    expect(searchCacheKey(same, ["sc_1"])).toBe(searchCacheKey(body, ["sc_1"]))
  })

  it("separates different searches, filter values (case-sensitive) and sales channels", () => {
    const key = searchCacheKey(body, ["sc_1"])
    expect(searchCacheKey({ ...body, filters: { ...body.filters, categories: "kurtas" } }, ["sc_1"])).not.toBe(key)
    expect(searchCacheKey({ ...body, pagination: { skip: 20 } }, ["sc_1"])).not.toBe(key)
    expect(searchCacheKey(body, ["sc_2"])).not.toBe(key)
    expect(searchCacheKey(body, ["sc_2", "sc_1"])).toBe(searchCacheKey(body, ["sc_1", "sc_2"]))
  })
})
