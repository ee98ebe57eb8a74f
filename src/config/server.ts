import { env } from "@indus/plugin-options"
import type { EnvOf } from "./schemas"

/** What medusa-config.ts itself needs beyond URLs and secrets. */
export const SERVER_ENV = {
  PORT: env.int({ min: 1, max: 65535 }),
  MEDUSA_WORKER_MODE: env.oneOf(["shared", "worker", "server"] as const),
  COOKIE_SECURE: env.bool(),
  ADMIN_DISABLED: env.bool(),
  /** BullMQ's Worker default is 1: one slow subscriber would hold up every event. */
  EVENT_BUS_CONCURRENCY: env.int({ min: 1, max: 1000 }),
  SEED_DEMO_DATA: env.bool(),
}

export function serverConfig(e: EnvOf<typeof SERVER_ENV>) {
  return {
    port: e.PORT ?? 3001,
    workerMode: e.MEDUSA_WORKER_MODE ?? "shared",
    /** undefined: secure when the backend URL is https. */
    cookieSecure: e.COOKIE_SECURE,
    adminDisabled: e.ADMIN_DISABLED ?? false,
    eventBusConcurrency: e.EVENT_BUS_CONCURRENCY ?? 10,
    seedDemoData: e.SEED_DEMO_DATA ?? true,
  }
}
