import type { ExecArgs } from "@medusajs/framework/types"
import { refreshRecommendations } from "../../src/jobs/recommendations-refresh"

/** Runs the recommendations job once and prints its result as one JSON line (used by run.js). */
export default async function benchJob({ container }: ExecArgs) {
  const started = Date.now()
  const r = await refreshRecommendations(container)
  console.log(`BENCH_RESULT ${JSON.stringify({ ...r, wall_ms: Date.now() - started })}`)
}
