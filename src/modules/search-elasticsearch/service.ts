import type { Client, estypes } from "@elastic/elasticsearch"
import type { Logger, SearchTypes } from "@medusajs/framework/types"
import { AbstractSearchProviderService, extractPrimaryKeyFilter, MedusaError } from "@medusajs/framework/utils"
import { createClient } from "./lib/client"
import { isConnectivityError, SearchRateLimitedError, SearchUnavailableError, translateError, translateFailure } from "./lib/errors"
import { compileFilters } from "./lib/filters"
import { buildCreateIndexRequest, DEFAULT_MAX_RESULT_WINDOW, planFromMapping, requestHashOf } from "./lib/mapping"
import { assertValidIndexName, buildIndexPlan, notAllowed, type IndexPlan } from "./lib/plan"
import { buildSearchRequest } from "./lib/query"
import { mapSearchResponse } from "./lib/results"
import type { ElasticsearchSearchOptions } from "./types"

type Deps = { logger: Logger }
type Concrete = { concrete: string; plan: IndexPlan; hash?: string }

const DEFAULT_SEARCH_TIMEOUT_MS = 2_000
const DEFAULT_COOLDOWN_MS = 5_000
/** Concrete index behind the alias the Search Module knows: `<physical>__<hash>`. */
const concreteName = (alias: string, hash: string) => `${alias}__${hash.slice(0, 12)}`

/**
 * Search Module provider on Elasticsearch 8.
 *
 * Each physical index the module names (`<prefix>_<name>_v<N>`) is an alias over one concrete
 * index. Writes use `require_alias`, so a write to a dropped version fails with NOT_FOUND
 * instead of Elasticsearch silently auto-creating an index with dynamic mappings.
 */
export class ElasticsearchSearchService extends AbstractSearchProviderService {
  static identifier = "search-elasticsearch"

  protected readonly client_: Client
  protected readonly logger_?: Logger
  protected readonly options_: ElasticsearchSearchOptions
  protected readonly plans_ = new Map<string, Concrete>()
  protected readonly resolving_ = new Map<string, Promise<Concrete>>()
  protected unavailableUntil_ = 0

  constructor({ logger }: Deps, options: ElasticsearchSearchOptions) {
    super()
    this.logger_ = logger
    this.options_ = options
    this.client_ = createClient(options)
  }

  protected get cooldownMs_() {
    return this.options_.unavailable_cooldown_ms ?? DEFAULT_COOLDOWN_MS
  }

  protected async call<T>(index: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (error) {
      if (isConnectivityError(error)) this.unavailableUntil_ = Date.now() + this.cooldownMs_
      const translated = translateError(error, index, this.cooldownMs_)
      // Another process may have recreated or dropped the index: forget what we knew.
      if (translated instanceof MedusaError && translated.type === MedusaError.Types.NOT_FOUND) this.plans_.delete(index)
      throw translated
    }
  }

  protected task(index: string): SearchTypes.SearchTask {
    return { index, status: "succeeded" }
  }

  /** The concrete index and plan behind an alias, or NOT_FOUND. Cached; evicted on delete/recreate. */
  protected async resolve(alias: string): Promise<Concrete> {
    const cached = this.plans_.get(alias)
    if (cached) return cached
    // Concurrent searches on a cold cache share one mapping lookup.
    let pending = this.resolving_.get(alias)
    if (!pending) {
      pending = this.fetchPlan(alias).finally(() => this.resolving_.delete(alias))
      this.resolving_.set(alias, pending)
    }
    return pending
  }

  protected async fetchPlan(alias: string): Promise<Concrete> {
    // Small and on the search path: the search timeout applies, so a dead node fails fast here too.
    const mappings = await this.call(alias, () =>
      this.client_.indices.getMapping({ index: alias }, this.searchRequestOptions())
    )
    const [concrete, entry] = Object.entries(mappings)[0] ?? []
    const plan = planFromMapping(entry?.mappings)
    if (!concrete || !plan) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `The Elasticsearch search provider has no index "${alias}"`)
    }
    const resolved = { concrete, plan, hash: requestHashOf(entry.mappings) }
    this.plans_.set(alias, resolved)
    return resolved
  }

  protected async concretesOf(alias: string): Promise<string[]> {
    const found = new Set<string>()
    try {
      const aliases = await this.client_.indices.getAlias({ name: alias })
      Object.keys(aliases).forEach((name) => found.add(name))
    } catch (error: any) {
      if (error?.meta?.statusCode !== 404) throw translateError(error, alias, this.cooldownMs_)
    }
    // A plain index squatting the alias name (e.g. auto-created) must go too.
    const plain = await this.call(alias, () => this.client_.indices.exists({ index: alias }))
    if (plain && !found.size) found.add(alias)
    return [...found]
  }

  async upsertIndex({ index }: { index: SearchTypes.ResolvedSearchIndexDefinition }): Promise<SearchTypes.SearchTask> {
    const alias = index.physical_name
    assertValidIndexName(alias)
    const plan = buildIndexPlan(index, (path) =>
      this.logger_?.warn(`The Elasticsearch search provider ignores vector field "${path}" on search index "${index.name}"`)
    )
    const request = buildCreateIndexRequest(alias, plan, this.options_)
    const hash = requestHashOf(request.mappings)!
    const target = concreteName(alias, hash)
    const existing = await this.concretesOf(alias)
    if (existing.length === 1 && existing[0] === target) {
      this.plans_.set(alias, { concrete: target, plan, hash })
      return this.task(alias)
    }

    this.plans_.delete(alias)
    if (existing.length) {
      await this.call(alias, () => this.client_.indices.delete({ index: existing.join(","), ignore_unavailable: true }))
    }
    ;(request.mappings!._meta as Record<string, unknown>).physical_name = alias
    await this.call(alias, () =>
      this.client_.indices.create({ ...request, index: target, aliases: { [alias]: { is_write_index: true } } })
    )
    this.plans_.set(alias, { concrete: target, plan, hash })
    return this.task(alias)
  }

  async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    this.plans_.delete(index)
    const concretes = await this.concretesOf(index)
    if (concretes.length) {
      await this.call(index, () => this.client_.indices.delete({ index: concretes.join(","), ignore_unavailable: true }))
    }
    return this.task(index)
  }

  async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    const mappings = await this.call("*", () =>
      this.client_.indices.getMapping({ index: "*", expand_wildcards: "open" })
    )
    const ours = Object.entries(mappings)
      .map(([concrete, entry]) => ({ concrete, meta: entry.mappings?._meta as Record<string, any> | undefined }))
      .filter((e) => e.meta?.medusa && e.meta.physical_name)
    const counts = await Promise.all(
      ours.map((e) => this.call(e.concrete, () => this.client_.count({ index: e.concrete })))
    )
    return ours
      .map((e, i) => ({
        name: String(e.meta!.physical_name),
        provider: ElasticsearchSearchService.identifier,
        document_count: counts[i].count,
      }))
      .sort((a, b) => a.name.localeCompare(b.name))
  }

  async upsertDocuments({
    index,
    definition,
    documents,
  }: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    const pk = definition.primary_key
    if (!documents.length) {
      await this.resolve(index)
      return this.task(index)
    }
    const operations: estypes.BulkOperationContainer[] | Record<string, unknown>[] = []
    for (const document of documents) {
      const id = document[pk]
      if (id === undefined || id === null || id === "") {
        notAllowed(`A document written to the Elasticsearch search provider is missing its primary key "${pk}"`)
      }
      ;(operations as unknown[]).push({ index: { _index: index, _id: String(id) } }, document)
    }
    const response = await this.call(index, () =>
      this.client_.bulk({ operations, refresh: this.options_.refresh ?? "wait_for", require_alias: true })
    )
    return this.bulkOutcome(index, response)
  }

  /** Bulk answers 200 with per-item errors: a missing alias is NOT_FOUND, 429s go to the module's retry. */
  protected bulkOutcome(index: string, response: estypes.BulkResponse): SearchTypes.SearchTask {
    if (!response.errors) return this.task(index)
    const failed = response.items
      .map((item) => Object.values(item)[0] as estypes.BulkResponseItem)
      .filter((item) => item.error && !(item.status === 404 && item.error.type !== "index_not_found_exception"))
    if (!failed.length) return this.task(index)
    if (failed.some((item) => item.error?.type === "index_not_found_exception")) {
      this.plans_.delete(index)
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `The Elasticsearch search provider has no index "${index}"`)
    }
    if (failed.some((item) => item.status === 429)) {
      throw new SearchRateLimitedError(`Elasticsearch rejected ${failed.length} bulk item(s) with 429`)
    }
    const first = failed[0]
    return {
      index,
      status: "failed",
      error: {
        message: `${failed.length} of ${response.items.length} document(s) failed in "${index}": ${first._id}: ${first.error?.reason ?? first.error?.type}`,
        code: first.error?.type,
      },
    }
  }

  async deleteDocuments({ index, filters }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    const { plan } = await this.resolve(index)
    const ids = extractPrimaryKeyFilter(filters, plan)
    if (ids) {
      if (!ids.length) return this.task(index)
      const response = await this.call(index, () =>
        this.client_.bulk({
          operations: ids.map((id) => ({ delete: { _index: index, _id: id } })),
          refresh: this.options_.refresh ?? "wait_for",
          require_alias: true,
        })
      )
      return this.bulkOutcome(index, response)
    }
    const query = compileFilters(filters, plan)
    if (!query) return this.task(index)
    await this.call(index, () =>
      this.client_.deleteByQuery({ index, query, refresh: true, conflicts: "proceed" })
    )
    return this.task(index)
  }

  async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    await this.resolve(index)
    await this.call(index, () =>
      this.client_.deleteByQuery({ index, query: { match_all: {} }, refresh: true, conflicts: "proceed" })
    )
    return this.task(index)
  }

  protected assertAvailable() {
    if (Date.now() < this.unavailableUntil_) {
      throw new SearchUnavailableError(
        "Search is temporarily unavailable: Elasticsearch did not answer. Try again shortly.",
        this.unavailableUntil_ - Date.now()
      )
    }
  }

  protected searchRequestOptions() {
    return { requestTimeout: this.options_.search_timeout_ms ?? DEFAULT_SEARCH_TIMEOUT_MS, maxRetries: 0 }
  }

  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    return (await this.searchMany([input]))[0]
  }

  /** Every query for this provider in one `_msearch` round trip; results in input order. */
  async searchMany(inputs: SearchTypes.ProviderSearchQuery[]): Promise<SearchTypes.SearchResult[]> {
    if (!inputs.length) return []
    this.assertAvailable()
    const resolved = await Promise.all(inputs.map((input) => this.resolve(input.index.physical_name)))
    const built = inputs.map((input, i) =>
      buildSearchRequest(input, resolved[i].plan, {
        exact_counts: this.options_.exact_counts,
        max_result_window: DEFAULT_MAX_RESULT_WINDOW,
      })
    )
    const searches: estypes.MsearchRequestItem[] = []
    inputs.forEach((input, i) => searches.push({ index: input.index.physical_name }, built[i].body as estypes.MsearchMultisearchBody))
    const response = await this.call(inputs[0].index.physical_name, () =>
      this.client_.msearch<Record<string, unknown>>({ searches }, this.searchRequestOptions())
    )
    return response.responses.map((item, i) => {
      if ("error" in item) {
        const name = inputs[i].index.physical_name
        if (item.error.type === "index_not_found_exception") this.plans_.delete(name)
        throw translateFailure({ status: item.status, type: item.error.type, reason: item.error.reason ?? undefined }, name)
      }
      return mapSearchResponse(inputs[i], built[i], item as estypes.SearchResponse<Record<string, unknown>>)
    })
  }
}

export default ElasticsearchSearchService
