import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { instrumentJob } from "./instrument-job"
import { reportError } from "./report-error"
import { maskText } from "./redact"
import { retryDefaults, withRetry } from "./retry"

/**
 * One wrapper for our scheduled jobs: retried with backoff, timed and counted on /metrics
 * (`scheduled_job_*`), each failure logged as a structured error (and sent to Sentry when
 * configured), and the final error rethrown so BullMQ marks the run failed.
 */
export type JobRun = { logger: Logger; /** BullMQ's job timestamp: the same for every attempt of one tick. */ scheduledFor?: Date; startedAt: Date }

export function scheduledJob(name: string, run: (container: MedusaContainer, ctx: JobRun) => Promise<void>) {
  return instrumentJob(name, async (container: MedusaContainer, context?: { scheduledFor?: Date }) => {
    const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    const ctx: JobRun = { logger, scheduledFor: context?.scheduledFor, startedAt: new Date() }
    await withRetry(() => run(container, ctx), retryDefaults(), (err, attempt, delay) => {
      // Masked here too, not only by the log format: a database error can quote customer data.
      logger.warn(`job ${name}: attempt ${attempt} failed (${maskText(String((err as Error)?.message))}); retrying in ${delay} ms`)
    }).catch((err) => {
      reportError(err, { kind: "job", name }, logger)
      throw err
    })
  })
}

/** A cron expression from env, or the default when unset. */
export const cronFromEnv = (value: string | undefined, fallback: string) => (value && value.trim()) || fallback
