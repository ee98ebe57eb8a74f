import type { MiddlewareRoute } from "@medusajs/framework/http"
import { QUEUE_MONITOR_PATH, queueMonitor } from "../lib/queue-monitor/board"
import { recommendationRoutes } from "./recommendations/routes"

export const backgroundWorkRoutes: MiddlewareRoute[] = [
  ...recommendationRoutes,
  // Admin auth already applies (Medusa authenticates all of /admin first).
  { matcher: QUEUE_MONITOR_PATH, middlewares: [queueMonitor as any] },
]
