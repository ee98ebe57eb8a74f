import type { estypes } from "@elastic/elasticsearch"
import type { SearchTypes } from "@medusajs/framework/types"
import { exactField, isNumeric, notAllowed, type IndexPlan } from "./plan"

export type NormalizedFacet =
  | { field: string; type: "value"; limit: number; sort: "count" | "alpha"; query?: string; boolean: boolean }
  | { field: string; type: "range"; ranges: { key: string; from?: number | string; to?: number | string }[] }
  | { field: string; type: "stats" }

const DEFAULT_VALUE_LIMIT = 10
/** Terms aggregations are exact on one shard; on several, a wide shard_size keeps counts exact in practice. */
const SHARD_SIZE_FLOOR = 1000

const escapeRegex = (s: string) => s.replace(/[.?+*|{}[\]()"\\#@&<>~]/g, (c) => `\\${c}`)

export function normalizeFacets(
  requests: SearchTypes.SearchOptions["facets"],
  plan: IndexPlan
): NormalizedFacet[] {
  return (requests ?? []).map((raw) => {
    const request = typeof raw === "string" ? ({ field: raw, type: "value" } as const) : raw
    const field = plan.fields[request.field]
    const type = request.type ?? "value"
    if (!field || !field.facet_kinds.length) {
      notAllowed(`Field "${request.field}" is not facetable on the Elasticsearch search provider`)
    }
    if (!field.facet_kinds.includes(type)) {
      notAllowed(`Field "${request.field}" does not allow "${type}" facets (allowed: ${field.facet_kinds.join(", ")})`)
    }
    if (request.type === "range" || request.type === "stats") {
      if (!isNumeric(field)) notAllowed(`${request.type} facets require a numeric or date field ("${request.field}")`)
      if (request.type === "stats") return { field: request.field, type: "stats" }
      return {
        field: request.field,
        type: "range",
        ranges: request.ranges.map((r) => ({
          key: r.key ?? `${r.from ?? "*"}-${r.to ?? "*"}`,
          from: r.from === undefined ? undefined : field.kind === "date" ? r.from : Number(r.from),
          to: r.to === undefined ? undefined : field.kind === "date" ? r.to : Number(r.to),
        })),
      }
    }
    const value = request as Extract<SearchTypes.SearchFacetRequest, { type?: "value" }>
    // ES applies `include` patterns to string terms only; a numeric prefix match would be a different question.
    if (value.query !== undefined && field.kind !== "keyword" && field.kind !== "text") {
      notAllowed(`A value facet "query" needs a text or keyword field ("${value.field}" is ${field.kind})`)
    }
    return {
      field: value.field,
      type: "value",
      limit: value.limit ?? DEFAULT_VALUE_LIMIT,
      sort: value.sort ?? "count",
      query: value.query,
      boolean: field.kind === "boolean",
    }
  })
}

export const facetAggName = (i: number) => `facet_${i}`

/** One aggregation per facet, scoped by the search's own query (so counts describe the result set). */
export function buildFacetAggregations(
  facets: NormalizedFacet[],
  plan: IndexPlan
): Record<string, estypes.AggregationsAggregationContainer> {
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {}
  facets.forEach((facet, i) => {
    const field = exactField(plan.fields[facet.field])
    if (facet.type === "value") {
      const terms: estypes.AggregationsTermsAggregation = {
        field,
        size: facet.limit,
        shard_size: Math.max(facet.limit * 10, SHARD_SIZE_FLOOR),
        order: facet.sort === "alpha" ? [{ _key: "asc" }] : [{ _count: "desc" }, { _key: "asc" }],
      }
      // Case-sensitive prefix, as in search-postgres (`LIKE 'q%'`).
      if (facet.query !== undefined) terms.include = `${escapeRegex(facet.query)}.*`
      aggs[facetAggName(i)] = { terms }
    } else if (facet.type === "range") {
      // `from` inclusive, `to` exclusive in both aggregations, as the contract says.
      const ranges = facet.ranges.map((r) => ({
        key: r.key,
        ...(r.from !== undefined ? { from: r.from as number } : {}),
        ...(r.to !== undefined ? { to: r.to as number } : {}),
      }))
      aggs[facetAggName(i)] =
        plan.fields[facet.field].kind === "date"
          ? { date_range: { field, keyed: false, ranges } }
          : { range: { field, keyed: false, ranges } }
    } else {
      // The filter wrapper's doc_count is the number of documents in scope, which is what pg's
      // stats `count` reports (ES `stats.count` counts values and skips documents without one).
      aggs[facetAggName(i)] = { filter: { match_all: {} }, aggs: { stats: { stats: { field } } } }
    }
  })
  return aggs
}

type Bucket = { key: string | number; key_as_string?: string; doc_count: number; from?: number; to?: number }

export function mapFacetAggregations(
  facets: NormalizedFacet[],
  aggregations: Record<string, any> | undefined
): Record<string, SearchTypes.SearchFacetResult> | undefined {
  if (!facets.length) return undefined
  const result: Record<string, SearchTypes.SearchFacetResult> = {}
  facets.forEach((facet, i) => {
    const agg = aggregations?.[facetAggName(i)] ?? {}
    if (facet.type === "value") {
      const buckets: Bucket[] = agg.buckets ?? []
      result[facet.field] = {
        type: "value",
        values: buckets.map((b) => ({
          value: facet.boolean ? String(b.key_as_string ?? Boolean(b.key)) : String(b.key),
          count: b.doc_count,
        })),
        other_count: agg.sum_other_doc_count ?? 0,
      }
    } else if (facet.type === "range") {
      const buckets: (Bucket & { key: string })[] = agg.buckets ?? []
      result[facet.field] = {
        type: "range",
        ranges: facet.ranges.map((r, j) => ({
          key: r.key,
          from: r.from,
          to: r.to,
          count: buckets[j]?.doc_count ?? 0,
        })),
      }
    } else {
      const stats = agg.stats ?? {}
      const hasValues = (stats.count ?? 0) > 0
      result[facet.field] = {
        type: "stats",
        min: hasValues ? Number(stats.min) : 0,
        max: hasValues ? Number(stats.max) : 0,
        avg: hasValues ? Number(stats.avg) : undefined,
        sum: hasValues ? Number(stats.sum) : undefined,
        count: agg.doc_count ?? 0,
      }
    }
  })
  return result
}
