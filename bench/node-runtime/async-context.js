#!/usr/bin/env node
// What an active AsyncLocalStorage costs a promise-heavy request path on the running Node.
// Medusa's routes create many promises; the request-context hook keeps one AsyncLocalStorage
// store per request. Before Node 24, an active store installs an async hook that runs on every
// promise; Node 24 propagates the context through AsyncContextFrame instead.
// Run with each Node you compare: `node bench/node-runtime/async-context.js [requests]`.
const { AsyncLocalStorage } = require("async_hooks")

const REQUESTS = Number(process.argv[2]) || 20_000
const PROMISES_PER_REQUEST = 200

async function request() {
  let sum = 0
  for (let i = 0; i < PROMISES_PER_REQUEST; i++) sum += await Promise.resolve(i)
  return sum
}

async function cpuPerRequest(run) {
  for (let i = 0; i < 2_000; i++) await run() // warm-up
  const t0 = process.cpuUsage()
  for (let i = 0; i < REQUESTS; i++) await run()
  const d = process.cpuUsage(t0)
  return (d.user + d.system) / REQUESTS
}

async function main() {
  const plain = await cpuPerRequest(request)
  const als = new AsyncLocalStorage()
  const withContext = await cpuPerRequest(() => als.run({ requestId: "r" }, request))
  const ratio = withContext / plain
  console.log(
    `Node ${process.versions.node}: ${PROMISES_PER_REQUEST} awaited promises per request, ` +
      `${plain.toFixed(1)} µs CPU plain, ${withContext.toFixed(1)} µs inside AsyncLocalStorage.run ` +
      `(${ratio.toFixed(2)}x)`
  )
}

main()
