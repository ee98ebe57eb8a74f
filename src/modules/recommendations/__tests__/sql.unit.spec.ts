import { positional, storefrontAnswer } from "../sql"

describe("recommendations SQL bindings", () => {
  it("turns named placeholders into knex's positional ones, in order, leaving casts alone", () => {
    expect(positional("select :a::text, x from t where y = :b and z = :a", { a: 1, b: "two" }))
      .toEqual(["select ?::text, x from t where y = ? and z = ?", [1, "two", 1]])
    expect(() => positional("select :missing", {})).toThrow(/No value for :missing/)
  })

  it("binds the store answer's product, channels and limit", () => {
    for (const intent of ["related", "complementary"] as const) {
      const [sql, values] = positional(storefrontAnswer(intent), { product: "prod_1", channels: "sc_1,sc_2", limit: 5 })
      expect(sql).not.toMatch(/(?<![:\w]):[a-z]/)
      expect(new Set(values)).toEqual(new Set(["prod_1", "sc_1,sc_2", 5]))
      expect(values.filter((v) => v === 5)).toHaveLength(1)
    }
  })
})
