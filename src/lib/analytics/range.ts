import { z } from "@medusajs/framework/zod"
import { addDays, type DayRange } from "./reader"

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD").refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "not a calendar date")

export const DashboardQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    limit: z.coerce.number().int().min(1).max(50).optional(),
  })
  .strict()

export const MAX_RANGE_DAYS = 400

/** Defaults to the last 30 days (UTC, today included); rejects reversed or over-long ranges. */
export function resolveRange(input: { from?: string; to?: string }, now = new Date()): DayRange {
  const to = input.to ?? now.toISOString().slice(0, 10)
  const from = input.from ?? addDays(to, -29)
  if (from > to) throw new RangeError(`"from" (${from}) is after "to" (${to})`)
  if (addDays(from, MAX_RANGE_DAYS) <= to) throw new RangeError(`a range may span at most ${MAX_RANGE_DAYS} days`)
  return { from, to }
}
