import { readEnv } from "@indus/plugin-options"
import { ANALYTICS_ENV, analyticsConfig } from "./analytics"
import { JOBS_ENV, jobsConfig } from "./jobs"
import { OPS_ENV, opsConfig } from "./ops"
import { PAYMENTS_ENV, paymentsConfig } from "./payments"
import { RESPONSE_CACHE_ENV, responseCacheConfig } from "./response-cache"
import { SEARCH_ENV, searchConfig } from "./search"
import { SERVER_ENV, serverConfig } from "./server"

type Env = Record<string, string | undefined>

/**
 * Every number, switch, list and choice the app reads from its environment, with its schema.
 * Plain strings (URLs, keys, secrets) stay where they are used.
 */
export const APP_ENV = {
  ...SERVER_ENV,
  ...OPS_ENV,
  ...SEARCH_ENV,
  ...ANALYTICS_ENV,
  ...JOBS_ENV,
  ...PAYMENTS_ENV,
  ...RESPONSE_CACHE_ENV,
}

/**
 * The app's typed configuration from an environment. Every bad variable is named in one
 * OptionsError (`SEARCH_CACHE_TTL="abc": expected a whole number`); medusa-config.ts calls this
 * first, so a bad value stops the start instead of turning into NaN at the first request.
 */
export function readAppConfig(source: Env = process.env) {
  const e = readEnv(APP_ENV, source)
  return {
    server: serverConfig(e),
    ops: opsConfig(e),
    search: searchConfig(e),
    analytics: analyticsConfig(e),
    jobs: jobsConfig(e),
    payments: paymentsConfig(e),
    responseCache: responseCacheConfig(e),
  }
}

export type AppConfig = ReturnType<typeof readAppConfig>

let current: AppConfig | undefined

/**
 * The running process's configuration, read once on first use (medusa-config.ts has already
 * validated the same environment). Call it where the value is used, not at import time, so a
 * test that sets variables before the app starts is seen.
 */
export function appConfig(): AppConfig {
  current ??= readAppConfig(process.env)
  return current
}

/** Forget the configuration read so far (tests that change the environment between cases). */
export function resetAppConfig(): void {
  current = undefined
}
