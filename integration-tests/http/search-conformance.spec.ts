import path from "path"
import { Client } from "pg"
import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CONFORMANCE_PRODUCTS, conformanceIndex } from "../fixtures/conformance-products"

/**
 * One behaviour suite for every search provider we ship, through the Search Module's public
 * API on real PostgreSQL: search-postgres always, search-elasticsearch when ELASTICSEARCH_URL
 * points at a node. The expectations are the ones the contract fixes (search-postgres's own
 * integration answers); relevance scores and engine-specific extras are not compared.
 */
jest.setTimeout(180 * 1000)

type Service = SearchTypes.ISearchModuleService
const ES_URL = process.env.ELASTICSEARCH_URL
const ENGINES = [
  { index: "product_pg", identifier: "search-postgres" },
  ...(ES_URL ? [{ index: "product_es", identifier: "search-elasticsearch" }] : []),
]
if (!ES_URL) {
  console.warn("skipped: no Elasticsearch node (ELASTICSEARCH_URL unset): the conformance suite runs on search-postgres only")
}

const migrate = async (service: Service) => service.executeIndexMigrationPlan(await service.createIndexMigrationPlan())
// The module's startup hook migrates nothing but seeds every index; the runner re-inits per test.
const boot = (service: Service) => (service as any).onApplicationStart_() as Promise<void>
const ids = (result: SearchTypes.SearchResult) => result.hits.map((hit) => hit.id)

// The module runner connects to `dbName` but does not create it.
const DB_NAME = `search_conformance_${process.pid}`
const admin = () => new Client({ host: process.env.DB_HOST, user: process.env.DB_USERNAME, password: process.env.DB_PASSWORD || undefined, port: Number(process.env.DB_PORT ?? 5432), database: "postgres" })
beforeAll(async () => {
  const pg = admin()
  await pg.connect()
  await pg.query(`CREATE DATABASE "${DB_NAME}"`)
  await pg.end()
})

moduleIntegrationTestRunner<Service>({
  moduleName: Modules.SEARCH,
  dbName: DB_NAME,
  // An absolute path, so the runner finds the module's models and runs the migrations below.
  resolve: path.dirname(path.dirname(require.resolve("@medusajs/search"))),
  pathToMigrations: [
    path.dirname(require.resolve("@medusajs/search/dist/migrations/Migration20260805085626")),
    path.dirname(require.resolve("@medusajs/search-postgres/dist/migrations/Migration20260807120000")),
  ],
  moduleOptions: {
    default_provider: "search-postgres",
    index_prefix: `conf${process.pid}`,
    providers: [
      { resolve: "@medusajs/search-postgres", id: "postgres" },
      ...(ES_URL ? [{ resolve: path.join(__dirname, "../../src/modules/search-elasticsearch"), id: "elasticsearch", options: { node: ES_URL, api_key: process.env.ELASTICSEARCH_API_KEY } }] : []),
    ],
    indexes: ENGINES.map((e) => conformanceIndex(e.index, e.identifier)),
  },
  hooks: {
    afterModuleInit: async (_app, service) => {
      await migrate(service)
      await boot(service)
    },
  },
  testSuite: ({ service }) => {
    describe.each(ENGINES)("$identifier", ({ index, identifier }) => {
      const find = (query: Omit<SearchTypes.SearchQuery, "entity">) => service.search({ entity: index, fields: ["id"], ...query })
      const providerOf = () => (service as any).context_.providers.retrieve(identifier)
      const documentCount = async () => {
        const active = await (service as any).resolveActiveDefinition_(index, { fresh: true })
        const all: SearchTypes.SearchIndexInfo[] = await providerOf().listIndexes()
        return all.find((i) => i.name === active.physical_name)?.document_count
      }
      const reseed = async () => {
        await service.deleteDocuments({ index, filters: { id: CONFORMANCE_PRODUCTS.map((p) => p.id) } })
        await service.upsertDocuments({ index, documents: CONFORMANCE_PRODUCTS as any })
      }

      it("seeds every document at startup and counts them exactly", async () => {
        const result = await find({ fields: ["id", "title"] })
        expect(result.metadata.count).toBe(3)
        expect(ids(result).sort()).toEqual(["prod_1", "prod_2", "prod_3"])
        expect(result.hits.find((h) => h.id === "prod_1")?.document).toEqual({ id: "prod_1", title: "Red running shoe" })
        expect(await documentCount()).toBe(3)
      })

      describe("keyword search", () => {
        beforeEach(reseed)

        it("ranks and filters by the query, with a score on request", async () => {
          const result = await find({ filters: { q: "shoe" }, search_options: { include_score: true } })
          expect(ids(result)).toEqual(["prod_1"])
          expect(result.hits[0].score).toBeGreaterThan(0)
          expect(result.metadata.count).toBe(1)
        })

        it("ANDs terms by default and ORs them with match_strategy any", async () => {
          expect((await find({ filters: { q: "shoe hat" } })).metadata.count).toBe(0)
          expect(ids(await find({ filters: { q: "shoe hat" }, search_options: { match_strategy: "any" } })).sort()).toEqual(["prod_1", "prod_3"])
        })

        it("prefixes the last term with match_strategy last", async () => {
          expect(ids(await find({ filters: { q: "sho" }, search_options: { match_strategy: "last" } }))).toEqual(["prod_1"])
          expect(ids(await find({ filters: { q: "red sho" }, search_options: { match_strategy: "last" } }))).toEqual(["prod_1"])
          expect(ids(await find({ filters: { q: "sho" } }))).toEqual([])
        })

        it("tolerates typos only when asked", async () => {
          expect(ids(await find({ filters: { q: "runing" }, search_options: { typo_tolerance: true } })).sort()).toEqual(["prod_1", "prod_2"])
          expect(ids(await find({ filters: { q: "runing" } }))).toEqual([])
        })

        it("rejects what it cannot answer (vector search) with NOT_ALLOWED", async () => {
          const error = await find({ search_options: { vector: { value: [0.1] } } }).catch((e) => e)
          expect(error).toBeInstanceOf(MedusaError)
          expect([MedusaError.Types.NOT_ALLOWED, MedusaError.Types.INVALID_DATA]).toContain(error.type)
        })
      })

      describe("filters", () => {
        beforeEach(reseed)

        it("treats equality on an array field as membership, also for numbers", async () => {
          expect(ids(await find({ filters: { tags: "sport" } })).sort()).toEqual(["prod_1", "prod_2"])
          expect(ids(await find({ filters: { sizes: { $in: [41, 38] } } })).sort()).toEqual(["prod_1", "prod_2"])
        })

        it("keeps $exists scoped to its own field in a conjunction", async () => {
          expect(ids(await find({ filters: { status: "published", deleted_at: { $exists: false } } }))).toEqual(["prod_1"])
        })

        it("supports $contains, nested paths, $or, $not, $ne and ranges", async () => {
          expect(ids(await find({ filters: { tags: { $contains: ["shoe", "sport"] } } }))).toEqual(["prod_1"])
          expect(ids(await find({ filters: { "variants.color": "red" } }))).toEqual(["prod_1"])
          expect(ids(await find({ filters: { $or: [{ brand: "borg" }, { min_price: { $gte: 150 } }], $not: { status: "draft" } } }))).toEqual(["prod_2"])
          // Documents without the field satisfy $ne.
          expect(ids(await find({ filters: { deleted_at: { $ne: Date.parse("2026-03-01T00:00:00.000Z") } } })).sort()).toEqual(["prod_1", "prod_3"])
          expect(ids(await find({ filters: { min_price: { $gt: 50, $lte: 200 } } })).sort()).toEqual(["prod_1", "prod_3"])
          expect(ids(await find({ filters: { handle: { $prefix: "blue-" } } }))).toEqual(["prod_2"])
          expect(ids(await find({ filters: { handle: { $like: "%wool%" } } }))).toEqual(["prod_3"])
          expect(ids(await find({ filters: { handle: { $like: "%WOOL%" } } }))).toEqual([])
        })

        it("rejects a comparison on an array field rather than guessing", async () => {
          const error = await find({ filters: { sizes: { $gt: 40 } } }).catch((e) => e)
          expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
        })

        it("deletes by primary key, and by filter without $exists leaking across the conjunction", async () => {
          await service.deleteDocuments({ index, filters: { status: "draft", deleted_at: { $exists: false } } })
          expect(ids(await find({})).sort()).toEqual(["prod_1", "prod_2"])
          expect(await documentCount()).toBe(2)
          await service.deleteDocuments({ index, filters: { id: "prod_1" } })
          await service.deleteDocuments({ index, filters: { id: ["prod_2", "prod_3"] } })
          expect(ids(await find({}))).toEqual([])
          expect(await documentCount()).toBe(0)
        })
      })

      describe("facets", () => {
        beforeEach(reseed)

        it("scopes value facets to the matches", async () => {
          const result = await find({ filters: { q: "running" }, search_options: { facets: ["brand"] } })
          expect(result.metadata.count).toBe(2)
          expect(result.facets?.brand).toMatchObject({ type: "value", values: [{ value: "acme", count: 1 }, { value: "borg", count: 1 }] })
        })

        it("counts array values, range facets beside filters, and exact stats", async () => {
          const tags = await find({ search_options: { facets: [{ field: "tags", sort: "alpha" }] } })
          expect(tags.facets?.tags).toMatchObject({ values: [{ value: "hat", count: 1 }, { value: "shirt", count: 1 }, { value: "shoe", count: 1 }, { value: "sport", count: 2 }] })
          const ranges = await find({
            filters: { status: "published" },
            search_options: { facets: [{ field: "min_price", type: "range", ranges: [{ key: "low", to: 100 }, { key: "high", from: 100 }] }] },
          })
          expect(ranges.facets?.min_price).toEqual({
            type: "range",
            ranges: [{ key: "low", from: undefined, to: 100, count: 1 }, { key: "high", from: 100, to: undefined, count: 1 }],
          })
          const stats = await find({ search_options: { facets: [{ field: "min_price", type: "stats" }] } })
          expect(stats.facets?.min_price).toMatchObject({ type: "stats", min: 50, max: 200, avg: 350 / 3, sum: 350, count: 3 })
        })
      })

      describe("ordering, pagination, min_score, distinct and counts", () => {
        beforeEach(reseed)

        it("orders by a field and pages through it", async () => {
          expect(ids(await find({ pagination: { order: { min_price: "ASC" } } }))).toEqual(["prod_2", "prod_1", "prod_3"])
          const page = await find({ pagination: { order: { min_price: "DESC" }, skip: 1, take: 1 } })
          expect(ids(page)).toEqual(["prod_1"])
          expect(page.metadata).toMatchObject({ skip: 1, take: 1, count: 3 })
          expect((await find({ search_options: { count: "none" } })).metadata.count).toBeNull()
        })

        it("keeps the requested order under min_score, and drops hits below it", async () => {
          const kept = await find({ filters: { q: "running" }, search_options: { min_score: 0.000001 }, pagination: { order: { title: "ASC" } } })
          expect(ids(kept)).toEqual(["prod_2", "prod_1"])
          expect(kept.metadata.count).toBe(2)
          const none = await find({ filters: { q: "running" }, search_options: { min_score: 1000 } })
          expect(none.hits).toEqual([])
          expect(none.metadata.count).toBe(0)
        })

        it("returns one hit per distinct value, counting groups", async () => {
          const result = await find({ fields: ["id", "brand"], search_options: { distinct: "brand" }, pagination: { order: { min_price: "ASC" } } })
          expect(ids(result)).toEqual(["prod_2", "prod_1"])
          expect(result.metadata.count).toBe(2)
        })
      })

      it("survives repeated swap reindexes and keeps answering", async () => {
        for (let cycle = 0; cycle < 2; cycle++) {
          await service.reindex({ index, strategy: "swap" })
          expect((await find({})).metadata.count).toBe(3)
        }
        expect(ids(await find({ filters: { q: "shoe" } }))).toEqual(["prod_1"])
        expect(await documentCount()).toBe(3)
      })
    })
  },
})

afterAll(async () => {
  const pg = admin()
  await pg.connect()
  await pg.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`)
  await pg.end()
})
