import Redis from "ioredis"

let client: Redis | undefined

/**
 * One shared Redis connection for readiness, queue sampling and rate limiting. Offline commands
 * fail at once instead of queueing, so a Redis outage turns into a fast "down", never a hung request.
 */
export function opsRedis(): Redis | undefined {
  const url = process.env.REDIS_URL
  if (!url) return undefined
  if (!client) {
    client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      lazyConnect: false,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    })
    client.on("error", () => {}) // reported through readiness, not as unhandled errors
  }
  return client
}

export async function closeOpsRedis() {
  const c = client
  client = undefined
  await c?.quit().catch(() => c.disconnect())
}
