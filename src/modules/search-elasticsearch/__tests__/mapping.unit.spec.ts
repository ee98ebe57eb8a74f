import { MedusaError } from "@medusajs/framework/utils"
import { buildAnalysis, buildCreateIndexRequest, buildMappings, planFromMapping, requestHashOf } from "../lib/mapping"
import { assertValidIndexName, buildIndexPlan } from "../lib/plan"
import { resolvedDefinition } from "./fixture"

describe("search-elasticsearch mapping", () => {
  const plan = buildIndexPlan(resolvedDefinition())

  it("flattens the definition into per-leaf fields, arrays of objects as per-leaf arrays", () => {
    expect(Object.keys(plan.fields)).toEqual([
      "id", "title", "description", "handle", "status", "min_price", "sizes", "tags", "in_stock", "created_at", "variants.sku", "variants.color",
    ])
    expect(plan.fields["variants.color"]).toEqual({
      path: "variants.color", kind: "keyword", is_array: true, searchable: false, weight: 1,
      filterable: true, sortable: false, facet_kinds: ["value"],
    })
    expect(plan.fields.title).toMatchObject({ kind: "text", searchable: true, weight: 3 })
    expect(plan.fields.min_price.facet_kinds).toEqual(["value", "range", "stats"])
    expect(plan.typo_tolerance).toEqual({ enabled: true, one_typo: 5, two_typos: 9, disabled_on: [] })
  })

  it("maps explicitly with dynamic:false, text with a .keyword subfield, searchable keywords with a .text subfield", () => {
    const mappings = buildMappings(plan)
    const text = { type: "text", analyzer: "medusa_text", search_analyzer: "medusa_search" }
    expect(mappings.dynamic).toBe(false)
    expect(mappings.properties).toEqual({
      id: { type: "keyword" },
      title: { ...text, fields: { keyword: { type: "keyword" } } },
      description: { ...text, fields: { keyword: { type: "keyword" } } },
      handle: { type: "keyword" },
      status: { type: "keyword" },
      min_price: { type: "double", ignore_malformed: true },
      sizes: { type: "long", ignore_malformed: true },
      tags: { type: "keyword", fields: { text } },
      in_stock: { type: "boolean" },
      created_at: { type: "date", format: "strict_date_optional_time||epoch_millis", ignore_malformed: true },
      variants: {
        type: "object",
        properties: { sku: { type: "keyword", fields: { text } }, color: { type: "keyword" } },
      },
    })
    expect(planFromMapping(mappings)).toEqual(plan)
  })

  it("builds English analysis with ASCII folding, and query-time synonyms only on the search analyzer", () => {
    expect(buildAnalysis({ synonyms: [["tee", "T-Shirt"], ["kurta", "kurti"], ["lonely"]] })).toEqual({
      analyzer: {
        medusa_text: {
          type: "custom", tokenizer: "standard",
          filter: ["lowercase", "asciifolding", "english_possessive_stop", "english_stop", "english_stemmer"],
        },
        medusa_search: {
          type: "custom", tokenizer: "standard",
          filter: ["lowercase", "asciifolding", "medusa_synonyms", "english_possessive_stop", "english_stop", "english_stemmer"],
        },
      },
      filter: {
        english_stop: { type: "stop", stopwords: "_english_" },
        english_stemmer: { type: "stemmer", language: "english" },
        english_possessive_stop: { type: "stemmer", language: "possessive_english" },
        medusa_synonyms: { type: "synonym_graph", synonyms: ["tee, t-shirt", "kurta, kurti"] },
      },
    })
  })

  it("creates one shard with the plan and a request hash in _meta; the hash changes with synonyms", () => {
    const request = buildCreateIndexRequest("product_v1", plan)
    expect(request.index).toBe("product_v1")
    expect(request.settings).toMatchObject({ number_of_shards: 1, max_result_window: 10000 })
    expect(request.settings).not.toHaveProperty("number_of_replicas")
    expect(request.mappings!._meta).toEqual({ medusa: plan, request_hash: expect.stringMatching(/^[0-9a-f]{32}$/) })
    const again = buildCreateIndexRequest("product_v1", plan)
    const withSynonyms = buildCreateIndexRequest("product_v1", plan, { synonyms: [["a", "b"]] })
    expect(requestHashOf(again.mappings)).toBe(requestHashOf(request.mappings))
    expect(requestHashOf(withSynonyms.mappings)).not.toBe(requestHashOf(request.mappings))
  })

  it("rejects what Elasticsearch cannot hold: geo fields, bad names, unknown typo exclusions", () => {
    const geo = resolvedDefinition({ fields: { id: { type: "keyword" }, where: { type: "geo" } } as any })
    expect(() => buildIndexPlan(geo)).toThrow(/geo fields/)
    for (const name of ["Product_v1", "_product", "a b", "a*b", "a:b"]) {
      expect(() => assertValidIndexName(name)).toThrow(MedusaError)
    }
    expect(() => assertValidIndexName("shop_product_v2")).not.toThrow()
    const typo = resolvedDefinition({ settings: { typo_tolerance: { disabled_on_attributes: ["handle"] } } })
    expect(() => buildIndexPlan(typo)).toThrow(/not a searchable field/)
  })

  it("ignores vector fields with a warning, like search-postgres native", () => {
    const ignored: string[] = []
    const def = resolvedDefinition({ fields: { id: { type: "keyword" }, embedding: { type: "vector", dimensions: 3 } } as any })
    const vecPlan = buildIndexPlan(def, (p) => ignored.push(p))
    expect(ignored).toEqual(["embedding"])
    expect(Object.keys(vecPlan.fields)).toEqual(["id"])
  })
})
