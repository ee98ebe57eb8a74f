import { createHash } from "crypto"
import { MedusaError } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"

/** How a declared leaf is stored, filtered, sorted and faceted in Elasticsearch. */
export type PlannedKind = "text" | "keyword" | "integer" | "float" | "date" | "boolean"

export type PlannedField = {
  path: string
  kind: PlannedKind
  is_array: boolean
  searchable: boolean
  weight: number
  filterable: boolean
  sortable: boolean
  facet_kinds: SearchTypes.SearchFacetKind[]
}

/**
 * The index plan: every declared leaf by dotted path. It is stored in the index's
 * `mappings._meta.medusa`, because `deleteDocuments` and `clearIndex` receive no definition.
 */
export type IndexPlan = {
  primary_key: string
  fields: Record<string, PlannedField>
  typo_tolerance: {
    enabled: boolean
    one_typo: number
    two_typos: number
    disabled_on: string[]
  }
  schema_hash: string
}

/** Meilisearch's defaults, which the contract's typo settings are named after: 1 typo from 5 letters, 2 from 9. */
export const DEFAULT_ONE_TYPO = 5
export const DEFAULT_TWO_TYPOS = 9

export const notAllowed = (message: string): never => {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
}

const isSearchable = (f: SearchTypes.SearchFieldDefinition) =>
  f.searchable === true || typeof f.searchable === "object"

function facetKinds(f: SearchTypes.SearchFieldDefinition): SearchTypes.SearchFacetKind[] {
  if (!f.facetable) return []
  if (typeof f.facetable === "object" && f.facetable.types?.length) return [...f.facetable.types]
  return ["integer", "float", "date"].includes(f.type) ? ["range"] : ["value"]
}

/** ES refuses these index names; failing at upsertIndex surfaces the problem at `db:migrate`. */
export function assertValidIndexName(name: string): void {
  if (
    !name ||
    name !== name.toLowerCase() ||
    /^[-_+]/.test(name) ||
    /[\\/*?"<>| ,#:]/.test(name) ||
    name === "." ||
    name === ".." ||
    Buffer.byteLength(name) > 255
  ) {
    notAllowed(
      `"${name}" is not a valid Elasticsearch index name (lowercase only; no leading -, _ or +; none of \\ / * ? " < > | , # : or spaces). Check index_prefix and the index name.`
    )
  }
}

/**
 * Flattens a definition into per-leaf fields. Objects become dotted paths and arrays of
 * objects collapse to per-leaf arrays (mapped as `object`, never `nested`), which gives the
 * same "any element" semantics as search-postgres.
 */
export function buildIndexPlan(
  definition: Pick<SearchTypes.ResolvedSearchIndexDefinition, "name" | "fields" | "primary_key" | "settings">,
  onIgnoredVector?: (path: string) => void
): IndexPlan {
  const fields: Record<string, PlannedField> = {}
  const walk = (group: Record<string, SearchTypes.SearchFieldDefinition>, prefix: string, inArray: boolean) => {
    for (const [name, field] of Object.entries(group)) {
      const path = prefix ? `${prefix}.${name}` : name
      const isArray = inArray || field.array === true
      if (field.type === "object") {
        if (field.fields) walk(field.fields, path, isArray)
        continue
      }
      if (field.type === "vector") {
        // Same stance as search-postgres native: the definition stays portable, the vector is not indexed.
        onIgnoredVector?.(path)
        continue
      }
      if (field.type === "geo") notAllowed(`The Elasticsearch search provider does not support geo fields ("${path}")`)
      const searchable = isSearchable(field)
      fields[path] = {
        path,
        kind: field.type as PlannedKind,
        is_array: isArray,
        searchable,
        weight: typeof field.searchable === "object" && field.searchable.weight ? field.searchable.weight : 1,
        filterable: !!field.filterable,
        sortable: !!field.sortable,
        facet_kinds: facetKinds(field),
      }
    }
  }
  walk(definition.fields, "", false)

  const typo = definition.settings?.typo_tolerance ?? {}
  for (const path of typo.disabled_on_attributes ?? []) {
    if (!fields[path]?.searchable) {
      notAllowed(`settings.typo_tolerance.disabled_on_attributes names "${path}", which is not a searchable field`)
    }
  }
  const base = {
    primary_key: definition.primary_key,
    fields,
    typo_tolerance: {
      enabled: typo.enabled ?? true,
      one_typo: typo.min_word_size_for_one_typo ?? DEFAULT_ONE_TYPO,
      two_typos: typo.min_word_size_for_two_typos ?? DEFAULT_TWO_TYPOS,
      disabled_on: [...(typo.disabled_on_attributes ?? [])].sort(),
    },
  }
  if (!fields[base.primary_key]) {
    notAllowed(`The primary key "${base.primary_key}" of search index "${definition.name}" must be a declared field`)
  }
  if (fields[base.primary_key].is_array) notAllowed(`The primary key "${base.primary_key}" cannot be an array`)
  const schema_hash = createHash("sha256").update(JSON.stringify(base)).digest("hex").slice(0, 32)
  return { ...base, schema_hash }
}

/** Field names as Elasticsearch knows them: text filters/sorts/facets on `.keyword`, keyword search on `.text`. */
export const exactField = (f: PlannedField) => (f.kind === "text" ? `${f.path}.keyword` : f.path)
export const searchField = (f: PlannedField) => (f.kind === "keyword" ? `${f.path}.text` : f.path)
export const isNumeric = (f: PlannedField) => f.kind === "integer" || f.kind === "float" || f.kind === "date"

export function requireField(plan: IndexPlan, path: string, use: string): PlannedField {
  const field = plan.fields[path]
  if (!field) notAllowed(`Unknown ${use} field "${path}" on the Elasticsearch search provider`)
  return field!
}
