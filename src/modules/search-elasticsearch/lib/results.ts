import type { estypes } from "@elastic/elasticsearch"
import type { SearchTypes } from "@medusajs/framework/types"
import { projectDocument } from "@medusajs/framework/utils"
import { encodeCursor } from "./cursor"
import { mapFacetAggregations } from "./facets"
import { DISTINCT_COUNT_AGG, type BuiltSearch } from "./query"

function totalOf(total: estypes.SearchTotalHits | number | undefined): number | null {
  if (total === undefined) return null
  return typeof total === "number" ? total : total.value
}

/** Maps an ES 8 search response onto the Search Module's result shape. */
export function mapSearchResponse(
  input: SearchTypes.ProviderSearchQuery,
  built: BuiltSearch,
  response: estypes.SearchResponse<Record<string, unknown>>
): SearchTypes.SearchResult {
  const options = input.search_options ?? {}
  const attributes = input.attributes_to_retrieve ?? []
  const aggregations = response.aggregations as Record<string, any> | undefined
  let count: number | null = null
  if (options.count !== "none") {
    count = built.body.collapse
      ? Number(aggregations?.[DISTINCT_COUNT_AGG]?.value ?? 0)
      : totalOf(response.hits.total as estypes.SearchTotalHits | number | undefined)
  }
  // A full page may have a next one: hand out its search_after position (collapse cannot page so).
  const last = response.hits.hits[response.hits.hits.length - 1]
  const nextCursor =
    built.take > 0 && response.hits.hits.length === built.take && !built.body.collapse && last?.sort?.length
      ? encodeCursor(last.sort)
      : undefined
  return {
    hits: response.hits.hits.map((hit) => {
      const highlights = hit.highlight
        ? Object.fromEntries(
            Object.entries(hit.highlight).map(([field, fragments]) => [built.highlight_paths[field] ?? field, fragments])
          )
        : undefined
      return {
        id: String(hit._id),
        score: options.include_score && hit._score != null ? Number(hit._score) : undefined,
        document: projectDocument((hit._source ?? {}) as Record<string, unknown>, attributes),
        ...(highlights ? { highlights } : {}),
      }
    }),
    facets: mapFacetAggregations(built.facets, aggregations),
    metadata: {
      skip: built.skip,
      take: built.take,
      count,
      query: input.q,
      processing_time_ms: response.took,
      ...(nextCursor ? { next_cursor: nextCursor } : {}),
    },
  }
}
