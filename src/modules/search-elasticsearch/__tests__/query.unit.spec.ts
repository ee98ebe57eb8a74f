import type { SearchTypes } from "@medusajs/framework/types"
import { compileFilters, likeToWildcard } from "../lib/filters"
import { buildIndexPlan } from "../lib/plan"
import { buildSearchRequest } from "../lib/query"
import { mapSearchResponse } from "../lib/results"
import { decodeCursor, encodeCursor } from "../lib/cursor"
import { resolvedDefinition } from "./fixture"

const index = resolvedDefinition()
const plan = buildIndexPlan(index)
const ALL_FIELDS = ["title^3", "description", "tags.text", "variants.sku.text"]

const query = (over: Partial<SearchTypes.ProviderSearchQuery> = {}): SearchTypes.ProviderSearchQuery => ({
  index,
  attributes_to_retrieve: ["id", "title"],
  pagination: { skip: 0, take: 20 },
  ...over,
})
const body = (over: Partial<SearchTypes.ProviderSearchQuery> = {}) => buildSearchRequest(query(over), plan).body

describe("search-elasticsearch query building", () => {
  it("sends match_all, id tiebreak, projection and exact totals for an empty query", () => {
    expect(body()).toEqual({
      query: { match_all: {} },
      from: 0,
      size: 20,
      sort: [{ id: { order: "asc" } }],
      _source: { includes: ["id", "title"] },
      track_total_hits: true,
    })
  })

  it("matches every term across fields by default, any term with 'any', with field weights as boosts", () => {
    expect(body({ q: "  running shoe " }).query).toEqual({
      bool: { must: [{ multi_match: { query: "running shoe", type: "cross_fields", operator: "and", fields: ALL_FIELDS } }] },
    })
    expect(body({ q: "shoe hat", search_options: { match_strategy: "any" } }).query).toEqual({
      bool: { must: [{ multi_match: { query: "shoe hat", type: "cross_fields", operator: "or", fields: ALL_FIELDS } }] },
    })
    expect(body({ q: "shoe" }).sort).toEqual([{ _score: { order: "desc" } }, { id: { order: "asc" } }])
  })

  it("treats the last term as a prefix for typeahead (match_strategy 'last')", () => {
    expect(body({ q: "runn", search_options: { match_strategy: "last" } }).query).toEqual({
      bool: { must: [{ multi_match: { query: "runn", type: "phrase_prefix", fields: ALL_FIELDS } }] },
    })
    expect(body({ q: "light runn", search_options: { match_strategy: "last" } }).query).toEqual({
      bool: {
        must: [{
          bool: {
            must: [
              { multi_match: { query: "light", type: "cross_fields", operator: "and", fields: ALL_FIELDS } },
              { multi_match: { query: "runn", type: "phrase_prefix", fields: ALL_FIELDS } },
            ],
          },
        }],
      },
    })
  })

  it("adds a fuzzy alternative only when typo tolerance is asked for and allowed, honouring disabled_on_attributes", () => {
    const exact = { multi_match: { query: "shoo", type: "cross_fields", operator: "and", fields: ALL_FIELDS } }
    expect(body({ q: "shoo", search_options: { typo_tolerance: true } }).query).toEqual({
      bool: {
        must: [{
          bool: {
            should: [exact, { multi_match: { query: "shoo", type: "best_fields", fields: ALL_FIELDS, fuzziness: "AUTO:5,9", operator: "and" } }],
            minimum_should_match: 1,
          },
        }],
      },
    })
    const strict = resolvedDefinition({ settings: { typo_tolerance: { disabled_on_attributes: ["variants.sku"], min_word_size_for_one_typo: 4, min_word_size_for_two_typos: 8 } } })
    const strictPlan = buildIndexPlan(strict)
    const fuzzy = (buildSearchRequest(query({ index: strict, q: "shoo", search_options: { typo_tolerance: true } }), strictPlan).body.query as any)
      .bool.must[0].bool.should[1]
    expect(fuzzy.multi_match).toMatchObject({ fields: ["title^3", "description", "tags.text"], fuzziness: "AUTO:4,8" })
    const off = resolvedDefinition({ settings: { typo_tolerance: { enabled: false } } })
    expect(buildSearchRequest(query({ index: off, q: "shoo", search_options: { typo_tolerance: true } }), buildIndexPlan(off)).body.query)
      .toEqual({ bool: { must: [exact] } })
  })

  it("compiles every operator of the filter DSL", () => {
    expect(compileFilters({
      status: "published",
      tags: ["shoes", "sport"],
      handle: { $ne: "sun-hat", $prefix: "run", $like: "run%sh_e" },
      min_price: { $gte: 10, $lt: 100 },
      created_at: { $gt: "2024-01-15T00:00:00Z", $lte: 1709251200000 },
      sizes: { $contains: [41, 42] },
      "variants.color": { $overlaps: ["red", "brown"], $nin: ["natural"] },
      in_stock: { $eq: "true" },
      description: { $exists: true },
      title: null,
      $or: [{ status: "draft" }, { id: { $in: ["prod_1", "prod_3"] } }],
      $not: { tags: "winter" },
    }, plan)).toEqual({
      bool: {
        filter: [
          { term: { status: "published" } },
          { terms: { tags: ["shoes", "sport"] } },
          { bool: { filter: [
            { bool: { must_not: [{ term: { handle: "sun-hat" } }] } },
            { prefix: { handle: { value: "run" } } },
            { wildcard: { handle: { value: "run*sh?e" } } },
          ] } },
          { bool: { filter: [{ range: { min_price: { gte: 10 } } }, { range: { min_price: { lt: 100 } } }] } },
          { bool: { filter: [{ range: { created_at: { gt: "2024-01-15T00:00:00Z" } } }, { range: { created_at: { lte: 1709251200000 } } }] } },
          { bool: { filter: [{ term: { sizes: 41 } }, { term: { sizes: 42 } }] } },
          { bool: { filter: [
            { terms: { "variants.color": ["red", "brown"] } },
            { bool: { must_not: [{ term: { "variants.color": "natural" } }] } },
          ] } },
          { term: { in_stock: true } },
          { exists: { field: "description.keyword" } },
          { bool: { must_not: [{ exists: { field: "title.keyword" } }] } },
          { bool: { should: [{ term: { status: "draft" } }, { terms: { id: ["prod_1", "prod_3"] } }], minimum_should_match: 1 } },
          { bool: { must_not: [{ term: { tags: "winter" } }] } },
        ],
      },
    })
    expect(likeToWildcard("50%_off*?")).toBe("50*?off\\*\\?")
  })

  it("rejects filters it cannot answer exactly instead of answering something else", () => {
    expect(() => compileFilters({ nope: 1 }, plan)).toThrow(/Unknown filter field "nope"/)
    expect(() => compileFilters({ sizes: { $gt: 40 } }, plan)).toThrow(/not supported on array field "sizes"/)
    expect(() => compileFilters({ tags: { $prefix: "sh" } }, plan)).toThrow(/array field "tags"/)
    expect(() => compileFilters({ status: { $contains: ["a"] } }, plan)).toThrow(/needs an array field/)
    expect(() => compileFilters({ min_price: { $regex: "x" } } as any, plan)).toThrow(/does not support operator "\$regex"/)
    expect(() => compileFilters({ min_price: { $gt: "cheap" } }, plan)).toThrow(/to a number/)
    expect(() => body({ search_options: { vector: { value: [1] } } })).toThrow(/vector/)
    expect(() => body({ search_options: { locales: ["fr"] } })).toThrow(/locales/)
    expect(() => body({ pagination: { skip: 9990, take: 20 } })).toThrow(/result window of 10000/)
    expect(() => body({ pagination: { order: { tags: "ASC" } } })).toThrow(/array field "tags"/)
    expect(() => body({ search_options: { distinct: "tags" } })).toThrow(/deduplicate by array field/)
    expect(() => body({ search_options: { facets: [{ field: "status", type: "range", ranges: [] }] } })).toThrow(/does not allow "range"/)
    expect(() => body({ search_options: { facets: ["description"] } })).toThrow(/not facetable/)
    expect(() => body({ search_options: { facets: [{ field: "min_price", query: "4" }] } })).toThrow(/needs a text or keyword field/)
  })

  it("sorts by field with missing values last and the primary key as tiebreak", () => {
    expect(body({ pagination: { order: { min_price: "DESC", title: "ASC" } } }).sort).toEqual([
      { min_price: { order: "desc", missing: "_last" } },
      { "title.keyword": { order: "asc", missing: "_last" } },
      { id: { order: "asc" } },
    ])
    expect(body({ pagination: { order: { id: "DESC" } } }).sort).toEqual([{ id: { order: "desc", missing: "_last" } }])
  })

  it("builds value, range and stats facets, distinct with a group count, min_score, count strategies and highlight", () => {
    const built = buildSearchRequest(query({
      q: "shoe",
      search_options: {
        facets: [
          "tags",
          { field: "variants.color", sort: "alpha", limit: 5, query: "b" },
          { field: "min_price", type: "range", ranges: [{ to: 50 }, { from: 50, to: 100, key: "mid" }, { from: 100 }] },
          { field: "min_price", type: "stats" },
        ],
        distinct: "status",
        min_score: 0.5,
        include_score: true,
        highlight: { fields: ["title", "variants.sku"], snippet: { length: 40 } },
      },
      pagination: { order: { min_price: "ASC" } },
    }), plan)
    const { aggs, ...rest } = built.body as any
    expect(aggs).toEqual({
      facet_0: { terms: { field: "tags", size: 10, shard_size: 1000, order: [{ _count: "desc" }, { _key: "asc" }] } },
      facet_1: { terms: { field: "variants.color", size: 5, shard_size: 1000, order: [{ _key: "asc" }], include: "b.*" } },
      facet_2: { range: { field: "min_price", keyed: false, ranges: [{ key: "*-50", to: 50 }, { key: "mid", from: 50, to: 100 }, { key: "100-*", from: 100 }] } },
      facet_3: { filter: { match_all: {} }, aggs: { stats: { stats: { field: "min_price" } } } },
      distinct_count: { cardinality: { field: "status", precision_threshold: 40000 } },
    })
    expect(rest).toMatchObject({
      collapse: { field: "status" },
      min_score: 0.5,
      track_scores: true,
      track_total_hits: false,
      highlight: {
        pre_tags: ["<mark>"], post_tags: ["</mark>"], number_of_fragments: 3, fragment_size: 40,
        fields: { title: {}, "variants.sku.text": {} },
      },
    })
    expect(body({ search_options: { count: "none" } }).track_total_hits).toBe(false)
    expect(body({ search_options: { count: "exact" } }).track_total_hits).toBe(true)
    expect(buildSearchRequest(query({ search_options: { count: "estimated" } }), plan, { exact_counts: false }).body).not.toHaveProperty("track_total_hits")
    // Highlight needs a text query, as the contract says; without q it is ignored.
    expect(body({ search_options: { highlight: true } })).not.toHaveProperty("highlight")
    expect(body({ q: "shoe", search_options: { highlight: true } }).highlight).toMatchObject({
      number_of_fragments: 0,
      fields: { title: {}, description: {}, "tags.text": {}, "variants.sku.text": {} },
    })
  })

  it("maps an ES 8 search response: ids, projected documents, scores on request, facets, counts, highlights", () => {
    const input = query({
      q: "shoe",
      attributes_to_retrieve: ["id", "title", "variants.sku"],
      search_options: {
        include_score: true,
        facets: ["tags", { field: "min_price", type: "range", ranges: [{ to: 50 }, { from: 50 }] }, { field: "min_price", type: "stats" }, "in_stock"],
        highlight: { fields: ["variants.sku"] },
      },
    })
    const built = buildSearchRequest(input, plan)
    // Documented `_search` answer shape (ES 8 reference, "Search API" response body).
    const response: any = {
      took: 7, timed_out: false, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
      hits: {
        total: { value: 2, relation: "eq" }, max_score: 1.3,
        hits: [
          { _index: "product_v1__abc", _id: "prod_1", _score: 1.3, _source: { id: "prod_1", title: "Running Shoe", variants: [{ sku: "SHOE-RED-40" }] },
            highlight: { "variants.sku.text": ["<mark>SHOE</mark>-RED-40"] } },
          { _index: "product_v1__abc", _id: "prod_2", _score: 0.4, _source: { id: "prod_2", title: "Leather Boot", variants: [{ sku: "BOOT" }] } },
        ],
      },
      aggregations: {
        facet_0: { doc_count_error_upper_bound: 0, sum_other_doc_count: 3, buckets: [{ key: "shoes", doc_count: 2 }, { key: "sport", doc_count: 1 }] },
        facet_1: { buckets: [{ key: "*-50.0", to: 50, doc_count: 1 }, { key: "50.0-*", from: 50, doc_count: 1 }] },
        facet_2: { doc_count: 2, stats: { count: 2, min: 49.99, max: 129.5, avg: 89.745, sum: 179.49 } },
        facet_3: { sum_other_doc_count: 0, buckets: [{ key: 1, key_as_string: "true", doc_count: 1 }, { key: 0, key_as_string: "false", doc_count: 1 }] },
      },
    }
    expect(mapSearchResponse(input, built, response)).toEqual({
      hits: [
        { id: "prod_1", score: 1.3, document: { id: "prod_1", title: "Running Shoe", variants: [{ sku: "SHOE-RED-40" }] }, highlights: { "variants.sku": ["<mark>SHOE</mark>-RED-40"] } },
        { id: "prod_2", score: 0.4, document: { id: "prod_2", title: "Leather Boot", variants: [{ sku: "BOOT" }] } },
      ],
      facets: {
        tags: { type: "value", values: [{ value: "shoes", count: 2 }, { value: "sport", count: 1 }], other_count: 3 },
        min_price: { type: "stats", min: 49.99, max: 129.5, avg: 89.745, sum: 179.49, count: 2 },
        in_stock: { type: "value", values: [{ value: "true", count: 1 }, { value: "false", count: 1 }], other_count: 0 },
      },
      metadata: { skip: 0, take: 20, count: 2, query: "shoe", processing_time_ms: 7 },
    })
    // An empty scope: stats read 0 like search-postgres, with avg/sum absent.
    const empty = buildSearchRequest(query({ search_options: { facets: [{ field: "min_price", type: "stats" }], count: "none" } }), plan)
    expect(mapSearchResponse(query({ search_options: { count: "none" } }), empty, {
      took: 1, hits: { hits: [] }, aggregations: { facet_0: { doc_count: 0, stats: { count: 0, min: null, max: null, avg: null, sum: 0 } } },
    } as any)).toEqual({
      hits: [], facets: { min_price: { type: "stats", min: 0, max: 0, avg: undefined, sum: undefined, count: 0 } },
      metadata: { skip: 0, take: 20, count: null, query: undefined, processing_time_ms: 1 },
    })
  })

  describe("cursor pagination (search_after)", () => {
    const cursorOf = (sort: unknown[]) => encodeCursor(sort as any)

    it("continues after the cursor's sort values with search_after instead of from, past the result window", () => {
      expect(body({ pagination: { take: 1000, order: { id: "ASC" }, cursor: cursorOf(["prod_12000"]) }, attributes_to_retrieve: ["id"] })).toEqual({
        query: { match_all: {} },
        search_after: ["prod_12000"],
        size: 1000,
        sort: [{ id: { order: "asc", missing: "_last" } }],
        _source: { includes: ["id"] },
        track_total_hits: true,
      })
      // A text query's sort is score then id; the cursor carries both.
      expect(body({ q: "shoe", pagination: { take: 20, cursor: cursorOf([1.5, "prod_2"]) }, search_options: { count: "none" } })).toEqual({
        query: { bool: { must: [{ multi_match: { query: "shoe", type: "cross_fields", operator: "and", fields: ALL_FIELDS } }] } },
        search_after: [1.5, "prod_2"],
        size: 20,
        sort: [{ _score: { order: "desc" } }, { id: { order: "asc" } }],
        _source: { includes: ["id", "title"] },
        track_total_hits: false,
      })
    })

    it("rejects cursors it cannot honour with a clear message", () => {
      expect(() => body({ pagination: { skip: 20, take: 20, cursor: cursorOf(["prod_1"]) } })).toThrow(/cannot be combined with skip/)
      expect(() => body({ pagination: { take: 20, cursor: "not-a-cursor" } })).toThrow(/Invalid pagination cursor/)
      expect(() => body({ pagination: { take: 20, cursor: cursorOf([{ nested: 1 }]) } })).toThrow(/Invalid pagination cursor/)
      expect(() => body({ pagination: { take: 20, cursor: cursorOf(["a", "b"]) } })).toThrow(/different sort/)
      expect(() => body({ pagination: { take: 20, cursor: cursorOf(["a"]) }, search_options: { distinct: "handle" } })).toThrow(/distinct/)
      expect(() => body({ pagination: { take: 10001, cursor: cursorOf(["a"]) } })).toThrow(/result window of 10000/)
      expect(decodeCursor(cursorOf(["prod_1", null, 3]), 3)).toEqual(["prod_1", null, 3])
    })

    it("hands out next_cursor from the last hit's sort values only when the page is full", () => {
      const input = query({ pagination: { skip: 0, take: 2 }, attributes_to_retrieve: ["id"] })
      const built = buildSearchRequest(input, plan)
      const page = (ids: string[]) => ({
        took: 1, hits: { hits: ids.map((id) => ({ _index: "i", _id: id, _score: null, _source: { id }, sort: [id] })) },
      }) as any
      expect(mapSearchResponse(input, built, page(["prod_1", "prod_2"])).metadata.next_cursor).toBe(cursorOf(["prod_2"]))
      expect(mapSearchResponse(input, built, page(["prod_3"])).metadata).not.toHaveProperty("next_cursor")
    })
  })
})
