import { env } from "@indus/plugin-options"
import { shapes, type EnvOf } from "./schemas"

/** Shop analytics (docs/analytics.md). */
export const ANALYTICS_ENV = {
  ANALYTICS_DISABLED: env.bool(),
  ANALYTICS_API_SAMPLE_RATE: shapes.fraction(),
}

export function analyticsConfig(e: EnvOf<typeof ANALYTICS_ENV>) {
  return {
    disabled: e.ANALYTICS_DISABLED ?? false,
    /** Share of API requests recorded as `api.request` events. */
    apiSampleRate: e.ANALYTICS_API_SAMPLE_RATE ?? 0.1,
  }
}
