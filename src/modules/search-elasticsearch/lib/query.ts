import type { estypes } from "@elastic/elasticsearch"
import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { decodeCursor } from "./cursor"
import { compileFilters } from "./filters"
import { buildFacetAggregations, normalizeFacets, type NormalizedFacet } from "./facets"
import { DEFAULT_MAX_RESULT_WINDOW } from "./mapping"
import { exactField, notAllowed, searchField, type IndexPlan, type PlannedField } from "./plan"

type Query = estypes.QueryDslQueryContainer

export type QueryBuildOptions = {
  /** Answer `count: "estimated"` with an exact total too (default true, like search-postgres). */
  exact_counts?: boolean
  max_result_window?: number
}

export type BuiltSearch = {
  body: Omit<estypes.SearchRequest, "index">
  facets: NormalizedFacet[]
  /** ES field name (e.g. `sku.text`) → the definition's path, for highlights. */
  highlight_paths: Record<string, string>
  distinct?: string
  skip: number
  take: number
}

export const DISTINCT_COUNT_AGG = "distinct_count"
const CARDINALITY_PRECISION = 40_000

const invalid = (message: string): never => {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

const boosted = (field: PlannedField) =>
  field.weight === 1 ? searchField(field) : `${searchField(field)}^${field.weight}`

/** Rejects what this provider cannot answer exactly, instead of answering a different question. */
export function assertQuerySupported(input: SearchTypes.ProviderSearchQuery): void {
  const options = input.search_options ?? {}
  if (options.vector) notAllowed("The Elasticsearch search provider does not support search_options.vector yet")
  if (options.locales?.length) {
    notAllowed("The Elasticsearch search provider does not support query-time locales; configure `language` on the provider instead")
  }
}

/**
 * The keyword part. Terms may match across fields (`cross_fields`), as in pg's one tsvector.
 * - all: every term; any: at least one; last: every term, the last as a prefix (typeahead).
 * - typo tolerance (opt-in per query): the exact match OR a fuzzy one, like pg's
 *   "match OR word_similarity"; fields in `disabled_on_attributes` only match exactly.
 */
export function buildTextQuery(
  q: string,
  fields: PlannedField[],
  strategy: SearchTypes.SearchMatchStrategy,
  typo: boolean,
  plan: IndexPlan
): Query {
  const all = fields.map(boosted)
  const terms = q.split(/\s+/).filter(Boolean)
  let exact: Query
  if (strategy === "last") {
    const head = terms.slice(0, -1).join(" ")
    const last = terms[terms.length - 1]
    const prefix: Query = { multi_match: { query: last, type: "phrase_prefix", fields: all } }
    exact = head
      ? { bool: { must: [{ multi_match: { query: head, type: "cross_fields", operator: "and", fields: all } }, prefix] } }
      : prefix
  } else {
    exact = { multi_match: { query: q, type: "cross_fields", operator: strategy === "any" ? "or" : "and", fields: all } }
  }
  if (!typo) return exact
  const fuzzyFields = fields.filter((f) => !plan.typo_tolerance.disabled_on.includes(f.path)).map(boosted)
  if (!fuzzyFields.length) return exact
  const fuzzy: Query = {
    multi_match: {
      query: q,
      type: "best_fields",
      fields: fuzzyFields,
      fuzziness: `AUTO:${plan.typo_tolerance.one_typo},${plan.typo_tolerance.two_typos}`,
      operator: strategy === "any" ? "or" : "and",
    },
  }
  return { bool: { should: [exact, fuzzy], minimum_should_match: 1 } }
}

export function buildSort(input: SearchTypes.ProviderSearchQuery, plan: IndexPlan, hasQuery: boolean): estypes.SortCombinations[] {
  const order = Object.entries(input.pagination?.order ?? {})
  const clauses: estypes.SortCombinations[] = []
  if (!order.length && hasQuery) clauses.push({ _score: { order: "desc" } })
  for (const [property, direction] of order) {
    const dir = direction === "ASC" ? "asc" : "desc"
    if (property === "_score") {
      clauses.push({ _score: { order: dir } })
      continue
    }
    const field = plan.fields[property]
    if (!field) invalid(`Cannot sort search index "${input.index.name}" by unknown field "${property}"`)
    if (field.is_array) notAllowed(`The Elasticsearch search provider cannot sort by array field "${property}"`)
    // Missing values last in both directions, as pg's NULLS LAST.
    clauses.push({ [exactField(field)]: { order: dir, missing: "_last" } })
  }
  // A deterministic tiebreak: ES 8 refuses sorting on _id, so the primary key field serves.
  if (!order.some(([property]) => property === plan.primary_key)) {
    clauses.push({ [exactField(plan.fields[plan.primary_key])]: { order: "asc" } })
  }
  return clauses
}

function buildHighlight(
  options: SearchTypes.SearchOptions,
  searchedOn: PlannedField[],
  plan: IndexPlan
): { highlight: estypes.SearchHighlight; paths: Record<string, string> } | undefined {
  if (!options.highlight) return undefined
  const config = options.highlight === true ? { fields: searchedOn.map((f) => f.path) } : options.highlight
  const paths: Record<string, string> = {}
  const fields: Record<string, estypes.SearchHighlightField> = {}
  for (const path of config.fields) {
    const field = plan.fields[path]
    if (!field?.searchable) notAllowed(`Cannot highlight "${path}": it is not a searchable field`)
    paths[searchField(field)] = path
    fields[searchField(field)] = {}
  }
  const snippet = config.snippet
  return {
    paths,
    highlight: {
      pre_tags: [config.pre_tag ?? "<mark>"],
      post_tags: [config.post_tag ?? "</mark>"],
      ...(snippet
        ? { number_of_fragments: 3, fragment_size: typeof snippet === "object" ? snippet.length : 100 }
        : { number_of_fragments: 0 }),
      fields,
    },
  }
}

export function buildSearchRequest(
  input: SearchTypes.ProviderSearchQuery,
  plan: IndexPlan,
  options: QueryBuildOptions = {}
): BuiltSearch {
  assertQuerySupported(input)
  const search = input.search_options ?? {}
  const skip = input.pagination?.skip ?? 0
  const take = input.pagination?.take ?? 20
  const cursor = input.pagination?.cursor
  if (cursor !== undefined && skip > 0) invalid("A cursor continues after the previous page; it cannot be combined with skip")
  const window = options.max_result_window ?? DEFAULT_MAX_RESULT_WINDOW
  // search_after pages never pass the window, which is what cursors are for (past 10,000 hits).
  if ((cursor !== undefined ? take : skip + take) > window) {
    notAllowed(`skip + take (${skip + take}) exceeds the result window of ${window}; narrow the query or use filters`)
  }

  const searchable = Object.values(plan.fields).filter((f) => f.searchable)
  const searchedOn = (search.attributes_to_search_on ?? searchable.map((f) => f.path)).map((path) => {
    const field = plan.fields[path]
    if (!field?.searchable) invalid(`Field "${path}" is not searchable on search index "${input.index.name}"`)
    return field
  })
  const q = input.q?.trim() || undefined
  if (q && !searchable.length) invalid(`Search index "${input.index.name}" has no searchable fields, so it cannot be queried by text`)
  const typo = !!(q && search.typo_tolerance && plan.typo_tolerance.enabled)

  const must: Query[] = q ? [buildTextQuery(q, searchedOn, search.match_strategy ?? "all", typo, plan)] : []
  const filter = compileFilters(input.filters, plan)
  const query: Query =
    must.length || filter ? { bool: { ...(must.length ? { must } : {}), ...(filter ? { filter: [filter] } : {}) } } : { match_all: {} }

  const distinct = search.distinct ?? input.index.settings?.distinct_attribute
  let collapse: estypes.SearchFieldCollapse | undefined
  if (distinct) {
    const field = plan.fields[distinct]
    if (!field) invalid(`Cannot deduplicate search index "${input.index.name}" by unknown field "${distinct}"`)
    if (field.is_array) notAllowed(`The Elasticsearch search provider cannot deduplicate by array field "${distinct}"`)
    collapse = { field: exactField(field) }
    if (cursor !== undefined) notAllowed("The Elasticsearch search provider does not support cursor pagination with distinct")
  }

  const facets = normalizeFacets(search.facets, plan)
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = buildFacetAggregations(facets, plan)
  const count = search.count ?? "estimated"
  if (collapse && count !== "none") {
    aggs[DISTINCT_COUNT_AGG] = { cardinality: { field: collapse.field, precision_threshold: CARDINALITY_PRECISION } }
  }
  const trackTotal =
    count === "none" || collapse ? false : count === "exact" || options.exact_counts !== false ? true : undefined

  const sort = buildSort(input, plan, !!q)
  const sortsByField = sort.some((s) => typeof s === "object" && !("_score" in s))
  const highlight = q ? buildHighlight(search, searchedOn, plan) : undefined
  const attributes = input.attributes_to_retrieve ?? []

  const body: BuiltSearch["body"] = {
    query,
    ...(cursor !== undefined ? { search_after: decodeCursor(cursor, sort.length) } : { from: skip }),
    size: take,
    sort,
    _source: attributes.length ? { includes: attributes } : false,
    ...(trackTotal !== undefined ? { track_total_hits: trackTotal } : {}),
    ...(search.min_score !== undefined ? { min_score: search.min_score } : {}),
    ...((search.include_score || search.min_score !== undefined) && sortsByField ? { track_scores: true } : {}),
    ...(collapse ? { collapse } : {}),
    ...(Object.keys(aggs).length ? { aggs } : {}),
    ...(highlight ? { highlight: highlight.highlight } : {}),
  }
  return { body, facets, highlight_paths: highlight?.paths ?? {}, distinct, skip, take }
}
