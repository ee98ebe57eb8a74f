import { counter, histogram } from "./metrics"

export const jobDuration = histogram({
  name: "scheduled_job_duration_seconds",
  help: "Scheduled job run time by job name and outcome",
  labelNames: ["job", "outcome"],
  buckets: [0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
})

export const jobFailures = counter({
  name: "scheduled_job_failures_total",
  help: "Scheduled job runs that threw",
  labelNames: ["job"],
})

/**
 * Wraps a scheduled job's handler so its run time and failures reach /metrics. Medusa runs jobs as
 * workflows and offers no hook around them, so each job opts in:
 * `export default instrumentJob("audit-log-retention", async (container) => { ... })`.
 */
export function instrumentJob<A extends unknown[]>(name: string, handler: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    const stop = jobDuration.startTimer({ job: name })
    try {
      await handler(...args)
      stop({ outcome: "success" })
    } catch (e) {
      stop({ outcome: "failure" })
      jobFailures.inc({ job: name })
      throw e
    }
  }
}
