import axios, { type AxiosInstance } from "axios"
import Redis from "ioredis"
import { ADMIN, baseEnv, dropDatabase, freePort, prepareDatabase, startMedusa, waitFor, type RunningMedusa } from "./support/app"
import { findVariant, guestCheckout } from "../helpers/store"

// Its own Redis database, flushed before and after, so queues from other runs never leak in.
const REDIS_URL = process.env.E2E_REDIS_URL || "redis://localhost:6379/11"
const DB = `e2e_worker_split_${process.pid}`

describe("server and worker processes split through Redis", () => {
  let server: RunningMedusa
  let worker: RunningMedusa | undefined
  let env: NodeJS.ProcessEnv
  let publishableKey: string
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 })

  beforeAll(async () => {
    await redis.flushdb()
    const serverPort = await freePort()
    const prepared = await prepareDatabase(DB, serverPort, { REDIS_URL })
    env = baseEnv({ ...(prepared.env as Record<string, string>), REDIS_URL, ADMIN_DISABLED: "true" })
    publishableKey = prepared.summary.publishable_key
    server = await startMedusa({ ...env, MEDUSA_WORKER_MODE: "server" }, serverPort)
  }, 300_000)

  afterAll(async () => {
    await Promise.all([server?.stop(), worker?.stop()])
    await dropDatabase(DB).catch(() => {})
    await redis.flushdb().catch(() => {})
    redis.disconnect()
  })

  it("an order placed on the server is handled by the worker process, not the server", async () => {
    const api: AxiosInstance = axios.create({ baseURL: server.url })
    const { data: { regions } } = await api.get("/store/regions", { headers: { "x-publishable-api-key": publishableKey } })
    const india = regions.find((r: { name: string }) => r.name === "India")
    const { variant } = await findVariant(api, publishableKey, "jute-tote", india.id)
    const { order } = await guestCheckout(api, publishableKey, {
      regionId: india.id,
      items: [{ variant_id: variant.id, quantity: 1 }],
      shippingOptionName: "Standard Delivery",
    })

    const { data: { token } } = await api.post("/auth/user/emailpass", ADMIN)
    const auth = { headers: { authorization: `Bearer ${token}` } }
    // The order also gets a confirmation e-mail (channel "email"); the staff feed is channel "feed".
    const notificationsFor = async (orderId: string, channel: string) => {
      const { data } = await api.get("/admin/notifications?limit=50&fields=id,resource_id,channel,template,data", auth)
      return data.notifications.filter((n: { resource_id: string; channel: string }) => n.resource_id === orderId && n.channel === channel)
    }
    const feedFor = async (orderId: string) => (await notificationsFor(orderId, "feed"))[0]

    // A server-mode process only enqueues: nothing handles order.placed yet.
    await new Promise((r) => setTimeout(r, 4000))
    expect(await feedFor(order.id)).toBeUndefined()
    expect(server.output()).not.toMatch(/order-placed-staff-feed/)

    worker = await startMedusa({ ...env, MEDUSA_WORKER_MODE: "worker" }, await freePort())
    const notification = await waitFor(() => feedFor(order.id), 60_000, "the worker to handle order.placed")
    expect(notification.data.title).toBe(`New order #${order.display_id}`)
    expect(notification.data.description).toMatch(/₹/)
    // The worker ran the e-mail subscriber too: one confirmation for the order.
    const emails = await waitFor(async () => {
      const rows = await notificationsFor(order.id, "email")
      return rows.length ? rows : undefined
    }, 30_000, "the worker to send the order confirmation")
    expect(emails.map((n: { template: string }) => n.template)).toEqual(["order-placed"])
  }, 180_000)

  it("the worker serves health checks but no store or admin API", async () => {
    expect(worker).toBeDefined()
    const health = await axios.get(`${worker!.url}/health`)
    expect(health.status).toBe(200)
    const store = await axios
      .get(`${worker!.url}/store/products`, { headers: { "x-publishable-api-key": publishableKey } })
      .catch((e) => e.response)
    expect(store.status).toBe(404)
  })
})
