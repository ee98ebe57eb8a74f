/**
 * CPU cost of the ops stack per request, measured in-process (no HTTP, no database), so the
 * figure does not depend on what else runs on the machine. Runs the stack as a GET
 * /store/products passes through it: the context hook around 12 Medusa middlewares, request id,
 * metrics, the in-memory catalog limiter, then a `finish` event.
 *
 *   npx ts-node --transpile-only bench/overhead/stack-cost.ts [iterations]
 */
import { EventEmitter } from "events"
import { createOpsStack } from "../../src/lib/ops/stack"
import { ApiLoader } from "@medusajs/framework/http"
import { installRequestContextHook } from "@indus/observability"

const N = Number(process.argv[2] || 200_000)
const MEDUSA_MIDDLEWARES_PER_REQUEST = 12

function fakeRequest(i: number) {
  const res = Object.assign(new EventEmitter(), {
    statusCode: 200,
    headers: {} as Record<string, string>,
    setHeader(k: string, v: string) {
      this.headers[k] = v
    },
    status(s: number) {
      this.statusCode = s
      return this
    },
    json() {
      return this
    },
  })
  const req = {
    method: "GET",
    originalUrl: "/store/products?limit=20",
    headers: {} as Record<string, string>,
    ip: `10.0.${(i >> 8) & 255}.${i & 255}`,
    route: { path: "/store/products" },
    baseUrl: "",
    scope: { resolve: () => ({ warn() {} }) },
  }
  return { req, res }
}

async function main() {
  installRequestContextHook()
  const noop = (_req: unknown, _res: unknown, next: () => void) => next()
  const traced = Array.from({ length: MEDUSA_MIDDLEWARES_PER_REQUEST }, () =>
    ApiLoader.traceMiddleware!(noop as any, { route: "/store" }) as any
  )
  const stack = createOpsStack() as any

  async function once(i: number, withStack: boolean) {
    const { req, res } = fakeRequest(i)
    if (withStack) {
      for (const mw of traced) mw(req, res, () => {})
      await stack(req, res, () => {})
    } else {
      for (const _ of traced) noop(req, res, () => {})
      await Promise.resolve()
    }
    res.emit("finish")
  }

  for (const withStack of [false, true, false, true]) {
    for (let i = 0; i < 20_000; i++) await once(i, withStack) // warm-up
  }
  const measure = async (withStack: boolean) => {
    const t0 = process.cpuUsage()
    for (let i = 0; i < N; i++) await once(i, withStack)
    const d = process.cpuUsage(t0)
    return (d.user + d.system) / N
  }
  const base = await measure(false)
  const on = await measure(true)
  console.log(`ops stack CPU per request: ${(on - base).toFixed(1)} µs (${N} requests; baseline loop ${base.toFixed(1)} µs)`)
}

main()
