import { env } from "@indus/plugin-options"
import { shapes, type EnvOf } from "./schemas"

/** Scheduled jobs: when they run and what they keep (docs/operations.md). */
export const JOBS_ENV = {
  HOUSEKEEPING_CRON: shapes.cron(),
  CART_RETENTION_DAYS: env.int({ min: 1 }),
  ANALYTICS_RETENTION_DAYS: env.int({ min: 1 }),
  EMAIL_LOG_RETENTION_DAYS: env.int({ min: 1 }),
  ABANDONED_CART_CRON: shapes.cron(),
  ABANDONED_CART_IDLE_MINUTES: env.int({ min: 1 }),
  ABANDONED_CART_MAX_AGE_HOURS: env.int({ min: 1 }),
  RECOMMENDATIONS_CRON: shapes.cron(),
  RECOMMENDATIONS_WINDOW_DAYS: env.int({ min: 1 }),
  RECOMMENDATIONS_MIN_SUPPORT: env.int({ min: 1 }),
  RECOMMENDATIONS_PER_PRODUCT: env.int({ min: 1 }),
  RECOMMENDATIONS_CATEGORY_WINDOW_DAYS: env.int({ min: 1 }),
  RECOMMENDATIONS_PER_CATEGORY: env.int({ min: 1 }),
}

export function jobsConfig(e: EnvOf<typeof JOBS_ENV>) {
  return {
    housekeeping: {
      cron: e.HOUSEKEEPING_CRON ?? "45 3 * * *",
      cartDays: e.CART_RETENTION_DAYS ?? 30,
      analyticsDays: e.ANALYTICS_RETENTION_DAYS ?? 400,
      emailLogDays: e.EMAIL_LOG_RETENTION_DAYS ?? 90,
    },
    abandonedCarts: {
      cron: e.ABANDONED_CART_CRON ?? "*/15 * * * *",
      /** Idle time before a reminder; carts idle beyond maxAgeHours are left alone. */
      idleMinutes: e.ABANDONED_CART_IDLE_MINUTES ?? 180,
      maxAgeHours: e.ABANDONED_CART_MAX_AGE_HOURS ?? 72,
      batchSize: 500,
    },
    recommendations: {
      cron: e.RECOMMENDATIONS_CRON ?? "0 3 * * *",
      windowDays: e.RECOMMENDATIONS_WINDOW_DAYS ?? 365,
      minSupport: e.RECOMMENDATIONS_MIN_SUPPORT ?? 1,
      perProduct: e.RECOMMENDATIONS_PER_PRODUCT ?? 12,
      categoryWindowDays: e.RECOMMENDATIONS_CATEGORY_WINDOW_DAYS ?? 90,
      perCategory: e.RECOMMENDATIONS_PER_CATEGORY ?? 24,
    },
  }
}
