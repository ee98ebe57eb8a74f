import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createBullBoard } from "@bull-board/api"
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter"
import { ExpressAdapter } from "@bull-board/express"
import { Queue } from "bullmq"
import Redis from "ioredis"

export const QUEUE_MONITOR_PATH = "/admin/queues"

/**
 * Every BullMQ queue the shop uses, with Medusa's default names and prefixes: the event bus
 * (@medusajs/event-bus-redis), the workflow engine's step/retry queue, its scheduled-jobs queue
 * (all of src/jobs run there) and its execution cleaner (@medusajs/workflow-engine-redis).
 */
export const MONITORED_QUEUES = [
  { name: "events-queue", prefix: "RedisEventBusService" },
  { name: "medusa-workflows", prefix: "bull" },
  { name: "medusa-workflows-jobs", prefix: "bull" },
  { name: "workflows-cleaner", prefix: "bull" },
]

let router: ((req: any, res: any, next: any) => void) | undefined

function build(redisUrl: string) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null })
  connection.on("error", () => {})
  const serverAdapter = new ExpressAdapter()
  serverAdapter.setBasePath(QUEUE_MONITOR_PATH)
  createBullBoard({
    queues: MONITORED_QUEUES.map((q) => new BullMQAdapter(new Queue(q.name, { connection, prefix: q.prefix }))),
    serverAdapter,
    options: { uiConfig: { boardTitle: "Shop queues" } },
  })
  return serverAdapter.getRouter()
}

/**
 * bull-board (counts per state, failed job details, retry and remove) under /admin/queues. Medusa's
 * admin authentication covers every /admin path before custom middlewares, so only staff get here.
 * Built on first request, so processes that never serve it open no Redis connection.
 */
export function queueMonitor(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const url = process.env.REDIS_URL
  if (!url) {
    res.status(503).json({ type: "not_allowed", message: "The queue monitor needs REDIS_URL: without Redis the shop runs no queues." })
    return
  }
  router ??= build(url)
  router!(req, res, next)
}
