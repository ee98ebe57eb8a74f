import { errors } from "@elastic/elasticsearch"
import { MedusaError } from "@medusajs/framework/utils"
import { ElasticsearchSearchService } from "../service"
import { SearchUnavailableError, translateError } from "../lib/errors"
import { buildCreateIndexRequest, requestHashOf } from "../lib/mapping"
import { buildIndexPlan } from "../lib/plan"
import { connect, mockIndexAdmin } from "./es-harness"
import { FIXTURE_DOCUMENTS, resolvedDefinition } from "./fixture"

const es = connect()
if (!es.real) {
  // Loud on purpose: these specs ran against the mock, not an engine.
  console.warn("skipped: no Elasticsearch node (ELASTICSEARCH_URL unset): provider specs run against @elastic/elasticsearch-mock")
}
const logger = { warn: jest.fn(), info: jest.fn(), error: jest.fn(), debug: jest.fn() } as any
const provider = new ElasticsearchSearchService({ logger }, { node: "unused", client: es.client })
const physical = `medusa_spec_${process.pid}_${Date.now().toString(36)}_product_v1`
const definition = resolvedDefinition({ physical_name: physical })
const plan = buildIndexPlan(definition)
const createBody = buildCreateIndexRequest(physical, plan)
const concrete = `${physical}__${requestHashOf(createBody.mappings)!.slice(0, 12)}`
const state = es.mock ? mockIndexAdmin(es.mock) : undefined

const paths = (reqs = es.take()) => reqs.map((r) => `${r.method} ${r.path}`)

afterAll(async () => {
  if (es.real) await provider.deleteIndex({ index: physical }).catch(() => undefined)
})

describe(`search-elasticsearch provider (${es.real ? "real node" : "elasticsearch-mock"})`, () => {
  it("creates a concrete index behind the version alias, with explicit mappings and the plan in _meta", async () => {
    es.take()
    await expect(provider.upsertIndex({ index: definition })).resolves.toEqual({ index: physical, status: "succeeded" })
    const reqs = es.take()
    expect(paths(reqs)).toEqual([`GET /_alias/${physical}`, `HEAD /${physical}`, `PUT /${concrete}`])
    const { index: _ignored, ...expected } = createBody
    expect(reqs[2].body).toEqual({
      ...expected,
      mappings: { ...expected.mappings, _meta: { ...expected.mappings!._meta, physical_name: physical } },
      aliases: { [physical]: { is_write_index: true } },
    })
  })

  it("is idempotent: the same definition again sends no create", async () => {
    await provider.upsertIndex({ index: definition })
    expect(paths()).toEqual([`GET /_alias/${physical}`, `HEAD /${physical}`])
  })

  it("writes documents with one _bulk, require_alias and refresh=wait_for, and counts them", async () => {
    const task = await provider.upsertDocuments({ index: physical, definition, documents: FIXTURE_DOCUMENTS })
    expect(task).toEqual({ index: physical, status: "succeeded" })
    const reqs = es.take()
    const bulk = reqs.find((r) => r.path === "/_bulk")!
    expect(bulk.querystring).toBe("refresh=wait_for&require_alias=true")
    expect(bulk.body).toEqual(FIXTURE_DOCUMENTS.flatMap((doc) => [{ index: { _index: physical, _id: doc.id } }, doc]))

    const listed = await provider.listIndexes()
    expect(listed.filter((i) => i.name === physical)).toEqual([
      { name: physical, provider: "search-elasticsearch", document_count: 3 },
    ])
  })

  it("answers several queries with one _msearch, in order, mapped to the contract's result shape", async () => {
    es.mock?.add({ method: "POST", path: "/_msearch" }, () => ({
      took: 4,
      responses: [
        {
          took: 3, timed_out: false, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 }, status: 200,
          hits: { total: { value: 2, relation: "eq" }, max_score: 2.1, hits: [
            { _index: concrete, _id: "prod_1", _score: 2.1, _source: { id: "prod_1", title: "Running Shoe" } },
            { _index: concrete, _id: "prod_2", _score: 0.3, _source: { id: "prod_2", title: "Leather Boot" } },
          ] },
        },
        {
          took: 1, timed_out: false, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 }, status: 200,
          hits: { total: { value: 2, relation: "eq" }, max_score: null, hits: [] },
          aggregations: { facet_0: { doc_count_error_upper_bound: 0, sum_other_doc_count: 0, buckets: [
            { key: "shoes", doc_count: 1 }, { key: "sport", doc_count: 1 }, { key: "summer", doc_count: 1 },
          ] } },
        },
      ],
    }))
    es.take()
    const [text, facets] = await provider.searchMany([
      { index: definition, q: "shoe", attributes_to_retrieve: ["id", "title"], pagination: { skip: 0, take: 20 } },
      { index: definition, filters: { status: "published" }, attributes_to_retrieve: ["id"], pagination: { skip: 0, take: 0 }, search_options: { facets: ["tags"] } },
    ])
    const reqs = es.take()
    expect(paths(reqs)).toEqual(["POST /_msearch"])
    expect(reqs[0].body).toEqual([
      { index: physical },
      {
        query: { bool: { must: [{ multi_match: { query: "shoe", type: "cross_fields", operator: "and", fields: ["title^3", "description", "tags.text", "variants.sku.text"] } }] } },
        from: 0, size: 20, sort: [{ _score: { order: "desc" } }, { id: { order: "asc" } }],
        _source: { includes: ["id", "title"] }, track_total_hits: true,
      },
      { index: physical },
      {
        query: { bool: { filter: [{ term: { status: "published" } }] } },
        from: 0, size: 0, sort: [{ id: { order: "asc" } }], _source: { includes: ["id"] }, track_total_hits: true,
        aggs: { facet_0: { terms: { field: "tags", size: 10, shard_size: 1000, order: [{ _count: "desc" }, { _key: "asc" }] } } },
      },
    ])
    expect(text.hits.map((h) => h.id)).toEqual(["prod_1", "prod_2"])
    expect(text.hits[0]).toEqual({ id: "prod_1", score: undefined, document: { id: "prod_1", title: "Running Shoe" } })
    expect(text.metadata).toMatchObject({ skip: 0, take: 20, count: 2, query: "shoe" })
    expect(facets.hits).toEqual([])
    expect(facets.metadata.count).toBe(2)
    expect(facets.facets).toEqual({
      tags: { type: "value", values: [{ value: "shoes", count: 1 }, { value: "sport", count: 1 }, { value: "summer", count: 1 }], other_count: 0 },
    })
  })

  it("reports per-item bulk failures as a failed task, never as success", async () => {
    const bad = { ...FIXTURE_DOCUMENTS[0], id: "prod_bad", in_stock: "perhaps" }
    if (state) {
      // What ES answers for a boolean it cannot parse (a 200 with errors: true).
      state.overrideBulk(() => ({
        took: 2, errors: true, items: [{ index: { _index: concrete, _id: "prod_bad", status: 400, error: {
          type: "document_parsing_exception", reason: "[1:200] failed to parse field [in_stock] of type [boolean] in document with id 'prod_bad'",
        } } }],
      }))
    }
    const task = await provider.upsertDocuments({ index: physical, definition, documents: [bad] })
    expect(task.status).toBe("failed")
    expect(task.error?.message).toMatch(/1 of 1 document\(s\) failed .*prod_bad.*in_stock/)
    if (state) {
      state.overrideBulk(() => ({
        took: 2, errors: true, items: [{ index: { _index: concrete, _id: "prod_1", status: 429, error: {
          type: "es_rejected_execution_exception", reason: "rejected execution of coordinating operation",
        } } }],
      }))
      // The Search Module retries seed writes when error.status === 429.
      await expect(provider.upsertDocuments({ index: physical, definition, documents: [FIXTURE_DOCUMENTS[0]] }))
        .rejects.toMatchObject({ status: 429 })
    }
    state?.overrideBulk(undefined)
  })

  it("never auto-creates an index: writing to an unknown version is NOT_FOUND", async () => {
    const missing = `${physical}_gone`
    const error = await provider
      .upsertDocuments({ index: missing, definition: { ...definition, physical_name: missing }, documents: [FIXTURE_DOCUMENTS[0]] })
      .catch((e) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.NOT_FOUND)
    const searchError = await provider
      .search({ index: { ...definition, physical_name: missing }, attributes_to_retrieve: ["id"] })
      .catch((e) => e)
    expect(searchError.type).toBe(MedusaError.Types.NOT_FOUND)
  })

  it("deletes by primary key through _bulk, by filter through _delete_by_query, and clears without dropping", async () => {
    es.take()
    await provider.deleteDocuments({ index: physical, filters: { id: ["prod_3"] } })
    let reqs = es.take()
    const del = reqs.find((r) => r.path === "/_bulk")!
    expect(del.body).toEqual([{ delete: { _index: physical, _id: "prod_3" } }])
    expect(del.querystring).toBe("refresh=wait_for&require_alias=true")

    await provider.deleteDocuments({ index: physical, filters: { status: "draft" } })
    reqs = es.take()
    const byQuery = reqs.find((r) => r.path.endsWith("/_delete_by_query"))!
    expect(byQuery.path).toBe(`/${physical}/_delete_by_query`)
    expect(byQuery.querystring).toBe("refresh=true&conflicts=proceed")
    expect(byQuery.body).toEqual({ query: { term: { status: "draft" } } })
    expect((await provider.listIndexes()).find((i) => i.name === physical)?.document_count).toBe(1)

    await provider.clearIndex({ index: physical })
    const clear = es.take().find((r) => r.path.endsWith("/_delete_by_query"))!
    expect(clear.body).toEqual({ query: { match_all: {} } })
    expect((await provider.listIndexes()).find((i) => i.name === physical)?.document_count).toBe(0)
  })

  it("recreates the index when the definition changes, and deleting twice is a no-op", async () => {
    const changed = resolvedDefinition({ physical_name: physical, settings: { typo_tolerance: { min_word_size_for_one_typo: 4 } } })
    await provider.upsertIndex({ index: changed })
    const reqs = paths()
    expect(reqs).toContain(`DELETE /${concrete}`)
    expect(reqs.filter((r) => r.startsWith("PUT /"))).toHaveLength(1)
    await provider.deleteIndex({ index: physical })
    await expect(provider.deleteIndex({ index: physical })).resolves.toEqual({ index: physical, status: "succeeded" })
    expect((await provider.listIndexes()).find((i) => i.name === physical)).toBeUndefined()
  })
})

describe("search-elasticsearch when Elasticsearch does not answer", () => {
  it("fails fast with a 503-style error, then short-circuits while the node is down", async () => {
    const down = new ElasticsearchSearchService({ logger }, {
      node: "http://127.0.0.1:9", search_timeout_ms: 500, request_timeout_ms: 500, unavailable_cooldown_ms: 60_000,
    })
    // Seed the plan cache so the search itself is what meets the dead node.
    ;(down as any).plans_.set(physical, { concrete, plan })
    const started = Date.now()
    const first = await down.search({ index: definition, q: "shoe", attributes_to_retrieve: ["id"] }).catch((e) => e)
    expect(first).toBeInstanceOf(SearchUnavailableError)
    expect(first).toMatchObject({ status: 503, code: "search_unavailable" })
    expect(first.message).toMatch(/Search is temporarily unavailable/)
    expect(Date.now() - started).toBeLessThan(3000)

    const second = await down.search({ index: definition, attributes_to_retrieve: ["id"] }).catch((e) => e)
    expect(second).toBeInstanceOf(SearchUnavailableError)
    expect(second.retry_after_ms).toBeGreaterThan(50_000)
  })

  it("treats a 503 from the cluster like an outage, and a 400 as invalid data", async () => {
    const meta = (statusCode: number, type: string) =>
      new errors.ResponseError({ body: { error: { type, reason: type }, status: statusCode }, statusCode, headers: {}, warnings: null, meta: {} as any })
    expect(translateError(meta(503, "cluster_block_exception"), "x", 1000)).toBeInstanceOf(SearchUnavailableError)
    expect(translateError(meta(400, "search_phase_execution_exception"), "x", 1000)).toMatchObject({ type: MedusaError.Types.INVALID_DATA })
    expect(translateError(meta(429, "es_rejected_execution_exception"), "x", 1000)).toMatchObject({ status: 429 })
  })
})
