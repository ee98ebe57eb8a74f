import { Client } from "@elastic/elasticsearch"
import Mock from "@elastic/elasticsearch-mock"
import { ElasticsearchSearchService } from "../../../modules/search-elasticsearch/service"
import { encodeCursor } from "../../../modules/search-elasticsearch/lib/cursor"
import { mockIndexAdmin } from "../../../modules/search-elasticsearch/__tests__/es-harness"
import { resolvedDefinition } from "../../../modules/search-elasticsearch/__tests__/fixture"
import { comparePage, indexPageQuery, walkIndex, type SearchPage } from "../search-drift"

const DOCS = 12_345 // past index.max_result_window (10,000)
const ids = Array.from({ length: DOCS }, (_, i) => `prod_${String(i).padStart(6, "0")}`)
const stampOf = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString()

describe("search sync: index walk", () => {
  it("builds the first, cursor and keyset page queries", () => {
    expect(indexPageQuery(1000)).toEqual({
      entity: "product", fields: ["id", "updated_at"],
      pagination: { take: 1000, order: { id: "ASC" } }, search_options: { count: "none" },
    })
    expect(indexPageQuery(1000, { cursor: "abc" })).toEqual({
      entity: "product", fields: ["id", "updated_at"],
      pagination: { take: 1000, order: { id: "ASC" }, cursor: "abc" }, search_options: { count: "none" },
    })
    expect(indexPageQuery(1000, { after: "prod_9" })).toEqual({
      entity: "product", fields: ["id", "updated_at"], filters: { id: { $gt: "prod_9" } },
      pagination: { take: 1000, order: { id: "ASC" } }, search_options: { count: "none" },
    })
  })

  it("walks more than 10,000 Elasticsearch documents with search_after, each id once", async () => {
    const mock = new Mock()
    const client = new Client({ node: "http://localhost:9200", Connection: mock.getConnection() })
    const logger = { warn: jest.fn(), info: jest.fn(), error: jest.fn(), debug: jest.fn() } as any
    const provider = new ElasticsearchSearchService({ logger }, { node: "unused", client })
    const definition = resolvedDefinition({ physical_name: `walk_${process.pid}_product_v1` })
    mockIndexAdmin(mock)
    await provider.upsertIndex({ index: definition })

    const bodies: any[] = []
    // ES 8 semantics: hits sorted by id; from + size past the window is a 400, search_after is not.
    mock.add({ method: "POST", path: "/_msearch" }, (params: any) => {
      const search = (params.body as any[])[1]
      bodies.push(search)
      const after = search.search_after?.[0]
      const start = after !== undefined ? ids.findIndex((id) => id > after) : search.from
      if (after === undefined && search.from + search.size > 10_000) {
        return { took: 1, responses: [{ status: 400, error: { type: "illegal_argument_exception", reason: "Result window is too large" } }] }
      }
      const page = start < 0 ? [] : ids.slice(start, start + search.size)
      return {
        took: 1,
        responses: [{
          took: 1, timed_out: false, status: 200, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
          hits: { max_score: null, hits: page.map((id) => ({
            _index: "walk", _id: id, _score: null, _source: { id, updated_at: stampOf(ids.indexOf(id)) }, sort: [id],
          })) },
        }],
      }
    })
    // What the Search Module does with the neutral query: resolve the index, pass pagination through.
    const search: SearchPage = (q) =>
      provider.search({
        index: definition, attributes_to_retrieve: q.fields, filters: q.filters as any,
        pagination: { skip: 0, ...q.pagination }, search_options: q.search_options,
      })

    const seen: { id: string; updated_at?: number }[] = []
    for await (const page of walkIndex(search, 1000)) seen.push(...page)

    expect(seen.map((d) => d.id)).toEqual(ids)
    expect(seen[10_500].updated_at).toBe(Date.parse(stampOf(10_500)))
    expect(bodies).toHaveLength(13) // 12 full pages and the short last one
    expect(bodies[0]).toEqual({
      query: { match_all: {} }, from: 0, size: 1000, sort: [{ id: { order: "asc", missing: "_last" } }],
      _source: { includes: ["id", "updated_at"] }, track_total_hits: false,
    })
    expect(bodies[1]).toEqual({
      query: { match_all: {} }, search_after: ["prod_000999"], size: 1000, sort: [{ id: { order: "asc", missing: "_last" } }],
      _source: { includes: ["id", "updated_at"] }, track_total_hits: false,
    })
    expect(bodies[11].search_after).toEqual(["prod_010999"])
    expect(bodies.slice(1).every((b) => b.from === undefined)).toBe(true)
  })

  it("pages by id (keyset) when the engine hands out no cursor, as search-postgres", async () => {
    const queries: any[] = []
    const search: SearchPage = async (q) => {
      queries.push(q)
      if (q.pagination.cursor !== undefined) throw new Error("The postgres search provider does not support cursor pagination")
      const after = (q.filters?.id as { $gt: string } | undefined)?.$gt
      const page = ids.filter((id) => after === undefined || id > after).slice(0, q.pagination.take)
      return { hits: page.map((id) => ({ id, document: { id } })), metadata: { skip: 0, take: q.pagination.take, count: null } }
    }
    const seen: string[] = []
    for await (const page of walkIndex(search, 5000)) seen.push(...page.map((d) => d.id))
    expect(seen).toEqual(ids)
    expect(queries.map((q) => q.filters?.id?.$gt)).toEqual([undefined, "prod_004999", "prod_009999"])
  })
})

describe("search sync: drift", () => {
  it("finds missing, stale (older or no stamp) and extra documents", () => {
    const t = (s: string) => Date.parse(s)
    const indexed = new Map<string, number | undefined>([
      ["prod_a", t("2026-01-01T00:00:00.000Z")], // up to date
      ["prod_b", t("2026-01-01T00:00:00.000Z")], // catalog changed since
      ["prod_c", undefined], // written before documents had a stamp
      ["prod_gone", t("2026-01-01T00:00:00.000Z")],
    ])
    const drift = comparePage(indexed, [
      { id: "prod_a", updated_at: new Date("2026-01-01T00:00:00.000Z") },
      { id: "prod_b", updated_at: new Date("2026-01-01T00:00:00.001Z") },
      { id: "prod_c", updated_at: "2025-12-01T00:00:00.000Z" },
      { id: "prod_new", updated_at: new Date() },
    ])
    expect(drift).toEqual({ missing: ["prod_new"], stale: ["prod_b", "prod_c"] })
    expect([...indexed.keys()]).toEqual(["prod_gone"])
  })
})

// Keeps the cursor format an implementation detail the walk never parses.
test("the walk passes the engine's cursor back untouched", async () => {
  const cursor = encodeCursor(["x"])
  const seen: (string | undefined)[] = []
  const search: SearchPage = async (q) => {
    seen.push(q.pagination.cursor)
    return seen.length === 1
      ? { hits: [{ id: "x", document: {} }], metadata: { skip: 0, take: 1, count: null, next_cursor: cursor } }
      : { hits: [], metadata: { skip: 0, take: 1, count: null } }
  }
  for await (const _ of walkIndex(search, 1)) void _
  expect(seen).toEqual([undefined, cursor])
})
