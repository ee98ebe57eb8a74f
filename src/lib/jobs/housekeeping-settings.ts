const days = (v: string | undefined, fallback: number) => {
  const n = Number(v)
  return Number.isFinite(n) && n > 0 ? n : fallback
}

/** CART_RETENTION_DAYS (default 30), ANALYTICS_RETENTION_DAYS (default 400), EMAIL_LOG_RETENTION_DAYS (default 90). */
export const housekeepingSettings = (env: Record<string, string | undefined> = process.env) => ({
  cartDays: days(env.CART_RETENTION_DAYS, 30),
  analyticsDays: days(env.ANALYTICS_RETENTION_DAYS, 400),
  emailLogDays: days(env.EMAIL_LOG_RETENTION_DAYS, 90),
})
