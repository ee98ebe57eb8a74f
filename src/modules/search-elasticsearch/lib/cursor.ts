import type { estypes } from "@elastic/elasticsearch"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Cursor pagination is `search_after` on the request's sort, which always ends with the primary
 * key, so it is unique and never skips or repeats a document. The cursor is the last hit's `sort`
 * values, JSON in base64url: opaque to clients, checked on the way back in.
 */
export function encodeCursor(sort: estypes.SortResults): string {
  return Buffer.from(JSON.stringify(sort), "utf8").toString("base64url")
}

const invalid = (message: string): never => {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

const isSortValue = (v: unknown) => v === null || ["string", "number", "boolean"].includes(typeof v)

/** The `search_after` values a cursor stands for; `sortLength` is the request's sort length. */
export function decodeCursor(cursor: string, sortLength: number): estypes.SortResults {
  let values: unknown
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))
  } catch {
    return invalid("Invalid pagination cursor")
  }
  if (!Array.isArray(values) || !values.length || !values.every(isSortValue)) invalid("Invalid pagination cursor")
  const decoded = values as estypes.SortResults
  if (decoded.length !== sortLength) invalid("The pagination cursor belongs to a query with a different sort")
  return decoded
}
