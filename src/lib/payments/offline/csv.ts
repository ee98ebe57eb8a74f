import { parse } from "csv-parse/sync"
import { MedusaError } from "@medusajs/framework/utils"

export const MAX_CSV_ROWS = 5000

/** Rows of a CSV with a header line, header names lower-cased and trimmed. Line numbers count the header as 1. */
export function parseCsv(text: string, required: string[]): { line: number; row: Record<string, string> }[] {
  let records: Record<string, string>[]
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      bom: true,
    })
  } catch (e) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The CSV could not be read: ${(e as Error).message}`)
  }
  if (records.length > MAX_CSV_ROWS) throw new MedusaError(MedusaError.Types.INVALID_DATA, `At most ${MAX_CSV_ROWS} rows per import`)
  const header = records.length ? Object.keys(records[0]) : []
  const missing = required.filter((c) => !header.includes(c))
  if (!records.length || missing.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The CSV needs a header line with the columns ${required.join(", ")}${missing.length && records.length ? ` (missing: ${missing.join(", ")})` : ""}`)
  }
  return records.map((row, i) => ({ line: i + 2, row }))
}
