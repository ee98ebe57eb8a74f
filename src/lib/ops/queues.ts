import { Queue } from "bullmq"
import { opsRedis } from "./redis"
import { queueJobs } from "./metrics-catalogue"

/**
 * The BullMQ queues Medusa's Redis modules use (names and prefixes are their defaults; see
 * @medusajs/event-bus-redis and @medusajs/workflow-engine-redis). Without REDIS_URL the event bus and
 * workflow engine are in-process and have no queue to measure.
 */
const QUEUES = [
  { label: "event-bus", name: "events-queue", prefix: "RedisEventBusService" },
  { label: "workflows", name: "medusa-workflows", prefix: "bull" },
  { label: "scheduled-jobs", name: "medusa-workflows-jobs", prefix: "bull" },
]
const STATES = ["waiting", "active", "delayed", "failed"] as const

export type QueueDepth = Record<string, Record<(typeof STATES)[number], number>>

let queues: { label: string; queue: Queue }[] | undefined

function open() {
  const connection = opsRedis()
  if (!connection) return undefined
  queues ??= QUEUES.map((q) => ({ label: q.label, queue: new Queue(q.name, { prefix: q.prefix, connection }) }))
  return queues
}

/** Counts per queue and state; null without Redis. Throws when Redis does not answer. */
export async function queueDepths(): Promise<QueueDepth | null> {
  const open_ = open()
  if (!open_) return null
  const out: QueueDepth = {}
  await Promise.all(
    open_.map(async ({ label, queue }) => {
      const counts = await queue.getJobCounts(...STATES)
      out[label] = Object.fromEntries(STATES.map((s) => [s, counts[s] ?? 0])) as QueueDepth[string]
    })
  )
  return out
}

/** Refreshes the queue gauges; called on every /metrics scrape. */
export async function sampleQueueMetrics() {
  const depths = await queueDepths().catch(() => null)
  if (!depths) return
  for (const [queue, counts] of Object.entries(depths)) {
    for (const [state, n] of Object.entries(counts)) queueJobs.set({ queue, state }, n)
  }
}
