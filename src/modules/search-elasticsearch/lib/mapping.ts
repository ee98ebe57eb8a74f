import { createHash } from "crypto"
import type { estypes } from "@elastic/elasticsearch"
import type { IndexPlan, PlannedField } from "./plan"

export type AnalysisOptions = {
  /** Stemmer and stopword language, e.g. "english" (default). */
  language?: string
  /** Equivalence groups applied at query time, e.g. [["tee", "t-shirt"], ["kurta", "kurti"]]. */
  synonyms?: string[][]
}

export type IndexSettingsOptions = {
  shards?: number
  replicas?: number
  max_result_window?: number
}

export const TEXT_ANALYZER = "medusa_text"
export const SEARCH_ANALYZER = "medusa_search"
export const DEFAULT_MAX_RESULT_WINDOW = 10_000

/**
 * Lowercase, ASCII folding, stopwords and stemming, mirroring search-postgres's
 * `medusa_search_<language>` configuration (unaccent + stemmer). Synonyms apply at
 * query time only, so changing them never needs a reindex.
 */
export function buildAnalysis(options: AnalysisOptions = {}): estypes.IndicesIndexSettingsAnalysis {
  const language = options.language ?? "english"
  const synonyms = (options.synonyms ?? []).filter((group) => group.length > 1)
  const base = ["lowercase", "asciifolding", `${language}_possessive_stop`, `${language}_stop`, `${language}_stemmer`]
  const filter: Record<string, estypes.AnalysisTokenFilter> = <Record<string, estypes.AnalysisTokenFilter>>{
    [`${language}_stop`]: { type: "stop", stopwords: `_${language}_` },
    [`${language}_stemmer`]: { type: "stemmer", language },
    [`${language}_possessive_stop`]: { type: "stemmer", language: `possessive_${language}` },
  }
  // The possessive filter exists for English only.
  if (language !== "english") {
    base.splice(2, 1)
    delete filter[`${language}_possessive_stop`]
  }
  const searchFilters = [...base]
  if (synonyms.length) {
    filter.medusa_synonyms = {
      type: "synonym_graph",
      synonyms: synonyms.map((group) => group.map((s) => s.trim().toLowerCase()).join(", ")),
    }
    // Synonyms match the lowercased, folded input before stopwords and stemming.
    searchFilters.splice(2, 0, "medusa_synonyms")
  }
  return {
    analyzer: {
      [TEXT_ANALYZER]: { type: "custom", tokenizer: "standard", filter: base },
      [SEARCH_ANALYZER]: { type: "custom", tokenizer: "standard", filter: searchFilters },
    },
    filter,
  }
}

function leafMapping(field: PlannedField): estypes.MappingProperty {
  const text: estypes.MappingTextProperty = {
    type: "text",
    analyzer: TEXT_ANALYZER,
    search_analyzer: SEARCH_ANALYZER,
  }
  switch (field.kind) {
    case "text":
      // `.keyword` serves exact filters, sorting and value facets (case-sensitive, as in pg).
      return { ...text, fields: { keyword: { type: "keyword" } } }
    case "keyword":
      return field.searchable ? { type: "keyword", fields: { text } } : { type: "keyword" }
    case "integer":
      // Medusa integers can exceed 2^31 (minor units, epoch ms); `long` holds them exactly.
      return { type: "long", ignore_malformed: true }
    case "float":
      return { type: "double", ignore_malformed: true }
    case "date":
      return { type: "date", format: "strict_date_optional_time||epoch_millis", ignore_malformed: true }
    case "boolean":
      return { type: "boolean" }
  }
}

/** Explicit mappings with `dynamic: false`: only declared leaves are indexed, the rest stays in `_source`. */
export function buildMappings(plan: IndexPlan): estypes.MappingTypeMapping {
  const properties: Record<string, estypes.MappingProperty> = {}
  for (const field of Object.values(plan.fields)) {
    const segments = field.path.split(".")
    let cursor = properties
    for (const segment of segments.slice(0, -1)) {
      const existing = (cursor[segment] ??= { type: "object", properties: {} }) as estypes.MappingObjectProperty
      existing.properties ??= {}
      cursor = existing.properties
    }
    cursor[segments[segments.length - 1]] = leafMapping(field)
  }
  return { dynamic: false, _meta: { medusa: plan }, properties }
}

export function buildCreateIndexRequest(
  index: string,
  plan: IndexPlan,
  options: AnalysisOptions & IndexSettingsOptions = {}
): estypes.IndicesCreateRequest {
  const body = {
    settings: {
      number_of_shards: options.shards ?? 1,
      ...(options.replicas !== undefined ? { number_of_replicas: options.replicas } : {}),
      max_result_window: options.max_result_window ?? DEFAULT_MAX_RESULT_WINDOW,
      analysis: buildAnalysis(options),
    },
    mappings: buildMappings(plan),
  }
  // The hash covers analysis (synonyms, language) too, so changing them recreates the index.
  const request_hash = createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 32)
  body.mappings._meta = { ...body.mappings._meta, request_hash }
  return { index, ...body }
}

export const requestHashOf = (mapping: estypes.MappingTypeMapping | undefined) =>
  (mapping?._meta as { request_hash?: string } | undefined)?.request_hash

/** Reads the plan back from a GET _mapping answer. */
export function planFromMapping(mapping: estypes.MappingTypeMapping | undefined): IndexPlan | undefined {
  const meta = mapping?._meta as { medusa?: IndexPlan } | undefined
  return meta?.medusa
}
