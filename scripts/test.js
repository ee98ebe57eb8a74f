#!/usr/bin/env node
// `npm test`: every suite, in order, against real PostgreSQL, Redis and Chromium.
//   unit         pure functions and repo files (compose, catalog)
//   integration  the Medusa app booted by @medusajs/test-utils (HTTP)
//   e2e          real processes: server/worker split over Redis, admin dashboard in Chromium
//   smoke        `npm start` from a fresh copy on embedded PostgreSQL
// Prints one closing line: "tests: N passed, N failed, N skipped".
const fs = require("fs")
const os = require("os")
const path = require("path")
const { spawnSync } = require("child_process")
const ROOT = path.resolve(__dirname, "..")

const only = process.argv.slice(2)
const jest = path.join(ROOT, "node_modules", ".bin", "jest")
const baseEnv = { ...process.env, NODE_OPTIONS: "--experimental-vm-modules" }
delete baseEnv.PORT

const stages = [
  { name: "unit", env: { TEST_TYPE: "unit" }, args: ["--silent"] },
  { name: "integration", env: { TEST_TYPE: "integration:http" }, args: ["--silent"] },
  { name: "e2e", env: {}, args: ["-c", "jest.e2e.config.js"] },
]

const totals = { passed: 0, failed: 0, skipped: 0 }
const failures = []

for (const stage of stages) {
  if (only.length && !only.includes(stage.name)) continue
  console.log(`\n=== ${stage.name} ===`)
  const out = path.join(os.tmpdir(), `jest-${stage.name}-${process.pid}.json`)
  const res = spawnSync(jest, [...stage.args, "--runInBand", "--forceExit", "--json", `--outputFile=${out}`], {
    cwd: ROOT,
    env: { ...baseEnv, ...stage.env },
    stdio: "inherit",
  })
  if (!fs.existsSync(out)) {
    totals.failed++
    failures.push(`${stage.name}: jest produced no results (exit ${res.status})`)
    continue
  }
  const r = JSON.parse(fs.readFileSync(out, "utf8"))
  fs.rmSync(out)
  totals.passed += r.numPassedTests
  totals.failed += r.numFailedTests
  totals.skipped += r.numPendingTests + r.numTodoTests
  // A suite that fails to boot has no failed tests; count it so the run fails.
  const brokenSuites = r.testResults.filter((t) => t.status === "failed" && !t.assertionResults.some((a) => a.status === "failed"))
  totals.failed += brokenSuites.length
  for (const t of brokenSuites) failures.push(`${stage.name}: ${path.relative(ROOT, t.name)} failed to run`)
  for (const t of r.testResults)
    for (const a of t.assertionResults) if (a.status === "failed") failures.push(`${stage.name}: ${a.fullName}`)
}

if (!only.length || only.includes("smoke")) {
  console.log("\n=== smoke ===")
  const res = spawnSync(process.execPath, [path.join(__dirname, "smoke.js")], { cwd: ROOT, env: process.env, encoding: "utf8" })
  process.stdout.write(res.stdout + res.stderr)
  const m = /smoke: (\d+) passed, (\d+) failed/.exec(res.stdout)
  if (m) {
    totals.passed += Number(m[1])
    totals.failed += Number(m[2])
  }
  if (!m || res.status !== 0) {
    if (!m) totals.failed++
    failures.push("smoke: see the output above")
  }
}

console.log("")
for (const f of failures) console.log(`FAILED ${f}`)
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed ? 1 : 0)
