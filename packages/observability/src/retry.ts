export type RetryOptions = { attempts: number; baseDelayMs: number; sleep?: (ms: number) => Promise<void> }

export const retryDefaults = (env: Record<string, string | undefined> = process.env): RetryOptions => ({
  attempts: Math.max(1, Number(env.JOB_RETRY_ATTEMPTS) || 3),
  baseDelayMs: Math.max(0, Number(env.JOB_RETRY_BASE_DELAY_MS ?? 2000)),
})

/** Delay before retry `n` (1-based): base * 2^(n-1). */
export const backoffDelay = (base: number, n: number) => base * 2 ** (n - 1)

/**
 * Runs `fn` up to `attempts` times with exponential backoff; the last error is thrown, so the job
 * lands in BullMQ's failed set (visible in the queue monitor, retryable there). Medusa gives
 * scheduled jobs no BullMQ `attempts`, hence the in-process retry.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions, onRetry?: (err: unknown, attempt: number, delayMs: number) => void): Promise<T> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt)
    } catch (err) {
      if (attempt >= opts.attempts) throw err
      const delay = backoffDelay(opts.baseDelayMs, attempt)
      onRetry?.(err, attempt, delay)
      await sleep(delay)
    }
  }
}
