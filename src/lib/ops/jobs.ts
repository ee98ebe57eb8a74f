import { jobDuration, jobFailures } from "./metrics-catalogue"

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
