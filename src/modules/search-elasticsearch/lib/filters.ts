import type { estypes } from "@elastic/elasticsearch"
import type { SearchTypes } from "@medusajs/framework/types"
import { exactField, isNumeric, notAllowed, requireField, type IndexPlan, type PlannedField } from "./plan"

type Query = estypes.QueryDslQueryContainer
type Scalar = string | number | boolean | Date | null

const OPERATORS = new Set([
  "$eq", "$ne", "$in", "$nin", "$lt", "$lte", "$gt", "$gte",
  "$exists", "$contains", "$overlaps", "$prefix", "$like",
])

/** Coerces a filter value the way search-postgres does; dates accept epoch ms and ISO strings. */
function cast(field: PlannedField, value: Scalar): string | number | boolean {
  if (value instanceof Date) return value.getTime()
  switch (field.kind) {
    case "integer":
    case "float": {
      const n = typeof value === "number" ? value : Number(value)
      if (Number.isNaN(n)) notAllowed(`Cannot cast filter value for "${field.path}" to a number`)
      return n
    }
    case "date": {
      if (typeof value === "number") return value
      const asNumber = Number(value)
      if (!Number.isNaN(asNumber) && String(value).trim() !== "") return asNumber
      if (Number.isNaN(Date.parse(String(value)))) notAllowed(`Cannot cast filter value for "${field.path}" to a date`)
      return String(value)
    }
    case "boolean":
      if (typeof value === "boolean") return value
      if (value === "true" || value === "false") return value === "true"
      return Boolean(value)
    default:
      return typeof value === "string" ? value : String(value)
  }
}

const exists = (field: PlannedField): Query => ({ exists: { field: exactField(field) } })
const missing = (field: PlannedField): Query => ({ bool: { must_not: [exists(field)] } })
const not = (query: Query): Query => ({ bool: { must_not: [query] } })

function equals(field: PlannedField, value: Scalar): Query {
  if (value === null || value === undefined) return missing(field)
  return { term: { [exactField(field)]: cast(field, value) } }
}

function anyOf(field: PlannedField, values: Scalar[]): Query {
  if (!values.length) return { match_none: {} }
  const present = values.filter((v) => v !== null && v !== undefined)
  const clauses: Query[] = []
  if (present.length === 1) clauses.push(equals(field, present[0]))
  else if (present.length) clauses.push({ terms: { [exactField(field)]: present.map((v) => cast(field, v)) } })
  if (present.length < values.length) clauses.push(missing(field))
  return clauses.length === 1 ? clauses[0] : { bool: { should: clauses, minimum_should_match: 1 } }
}

function range(field: PlannedField, op: "gt" | "gte" | "lt" | "lte", value: Scalar): Query {
  if (field.is_array) notAllowed(`Operator "$${op}" is not supported on array field "${field.path}"`)
  return { range: { [exactField(field)]: { [op]: cast(field, value) } } }
}

/** `$like` is a SQL LIKE pattern (as in both first-party providers): % and _ become * and ?. */
export function likeToWildcard(pattern: string): string {
  let out = ""
  for (const ch of pattern) {
    if (ch === "%") out += "*"
    else if (ch === "_") out += "?"
    else if (ch === "*" || ch === "?" || ch === "\\") out += `\\${ch}`
    else out += ch
  }
  return out
}

function textOnly(field: PlannedField, op: string) {
  if (field.is_array) notAllowed(`Operator "${op}" is not supported on array field "${field.path}"`)
  if (isNumeric(field) || field.kind === "boolean") {
    notAllowed(`Operator "${op}" needs a text or keyword field, "${field.path}" is ${field.kind}`)
  }
}

function fieldPredicate(plan: IndexPlan, path: string, raw: unknown): Query {
  const field = requireField(plan, path, "filter")
  if (raw === null || typeof raw !== "object" || raw instanceof Date || Array.isArray(raw)) {
    return anyOf(field, (Array.isArray(raw) ? raw : [raw]) as Scalar[])
  }
  const operators = raw as Record<string, unknown>
  const keys = Object.keys(operators)
  if (!keys.length) notAllowed(`Empty operator map on filter field "${path}"`)
  const parts: Query[] = []
  for (const op of keys) {
    if (!OPERATORS.has(op)) notAllowed(`The Elasticsearch search provider does not support operator "${op}" on "${path}"`)
    const value = operators[op] as Scalar
    const list = (Array.isArray(value) ? value : [value]) as Scalar[]
    switch (op) {
      case "$eq":
        parts.push(equals(field, value))
        break
      case "$ne":
        // Documents without the field satisfy "not equal", as in pg.
        parts.push(value === null || value === undefined ? exists(field) : not(equals(field, value)))
        break
      case "$in":
        parts.push(anyOf(field, list))
        break
      case "$nin":
        parts.push(not(anyOf(field, list)))
        break
      case "$gt":
      case "$gte":
      case "$lt":
      case "$lte":
        parts.push(range(field, op.slice(1) as "gt", value))
        break
      case "$exists":
        parts.push(value ? exists(field) : missing(field))
        break
      case "$contains":
        if (!field.is_array) notAllowed(`Operator $contains on "${path}" needs an array field`)
        parts.push(list.length ? { bool: { filter: list.map((v) => equals(field, v)) } } : { match_all: {} })
        break
      case "$overlaps":
        if (!field.is_array) notAllowed(`Operator $overlaps on "${path}" needs an array field`)
        parts.push(anyOf(field, list))
        break
      case "$prefix":
        textOnly(field, op)
        parts.push({ prefix: { [exactField(field)]: { value: String(value) } } })
        break
      case "$like":
        textOnly(field, op)
        parts.push({ wildcard: { [exactField(field)]: { value: likeToWildcard(String(value)) } } })
        break
    }
  }
  return parts.length === 1 ? parts[0] : { bool: { filter: parts } }
}

/**
 * Compiles the Search Module filter DSL into a bool query. Returns undefined for no filters.
 * Every operator of the DSL is supported; unknown fields and misuse are NOT_ALLOWED.
 */
export function compileFilters(filters: SearchTypes.SearchFilters | undefined, plan: IndexPlan): Query | undefined {
  if (!filters) return undefined
  const compile = (branch: SearchTypes.SearchFilters): Query[] => {
    const parts: Query[] = []
    for (const [key, value] of Object.entries(branch)) {
      if (key === "q" || value === undefined) continue
      if (key === "$and") {
        const nested = (value as SearchTypes.SearchFilters[]).flatMap(compile)
        if (nested.length) parts.push(...nested)
        continue
      }
      if (key === "$or") {
        const nested = (value as SearchTypes.SearchFilters[]).map((f) => toQuery(compile(f)))
        if (nested.length) parts.push({ bool: { should: nested, minimum_should_match: 1 } })
        continue
      }
      if (key === "$not") {
        const nested = compile(value as SearchTypes.SearchFilters)
        if (nested.length) parts.push(not(toQuery(nested)))
        continue
      }
      parts.push(fieldPredicate(plan, key, value))
    }
    return parts
  }
  const parts = compile(filters)
  return parts.length ? toQuery(parts) : undefined
}

const toQuery = (parts: Query[]): Query =>
  parts.length === 0 ? { match_all: {} } : parts.length === 1 ? parts[0] : { bool: { filter: parts } }
