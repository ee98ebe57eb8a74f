#!/usr/bin/env node
// `npm test`: every suite, in order, against real PostgreSQL, Redis and Chromium.
//   unit         pure functions and repo files (app, plugins/*, packages/*)
//   integration  the Medusa app booted by @medusajs/test-utils (HTTP)
//   e2e          real processes: server/worker split over Redis, admin dashboard in Chromium
//   smoke        `npm start` from a fresh copy on embedded PostgreSQL (beside the e2e stage)
//   lint         Medusa's eslint rules (one check: no errors)
// The workspace (packages/*, plugins/*) is built first: the app loads plugins from their build.
// Prints each stage's wall time, the peak memory of any test process, and one closing line:
// "tests: N passed, N failed, N skipped".
const fs = require("fs")
const os = require("os")
const path = require("path")
const { spawn } = require("child_process")
const { startPeakMemorySampler } = require("./lib/peak-memory")
const { ensureIntegrationTemplate } = require("./lib/test-databases")
const { ensureAdminBuild } = require("./lib/admin-build")
const ROOT = path.resolve(__dirname, "..")

const only = process.argv.slice(2)
const jest = path.join(ROOT, "node_modules", ".bin", "jest")
const baseEnv = { ...process.env, NODE_OPTIONS: "--experimental-vm-modules" }
delete baseEnv.PORT

// Two jest workers per stage (this machine has two cores); each suite that boots an app runs in a
// fresh worker and unit workers are replaced past 900 MB (workerIdleMemoryLimit in the jest
// configs), so no process carries every booted app's leftovers.
const WORKERS = process.env.TEST_WORKERS || "2"
const parallel = ["--maxWorkers", WORKERS]
const stages = [
  { name: "unit", env: { TEST_TYPE: "unit" }, args: ["--silent", ...parallel] },
  // Each suite's database is cloned from one migrated for this app (see scripts/lib/test-databases.js).
  { name: "integration", env: { TEST_TYPE: "integration:http" }, args: ["--silent", ...parallel], template: true },
  { name: "e2e", env: {}, args: ["-c", "jest.e2e.config.js", ...parallel], admin: true },
]

function run(cmd, args, opts) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, opts)
    let out = ""
    child.stdout?.on("data", (d) => (out += d))
    child.stderr?.on("data", (d) => (out += d))
    child.on("close", (status) => resolve({ status, out }))
  })
}

const seconds = (since) => Math.round((Date.now() - since) / 1000)

async function main() {
  const started = Date.now()
  const memory = startPeakMemorySampler()
  const timings = []
  const totals = { passed: 0, failed: 0, skipped: 0 }
  const failures = []

  const build = await run(process.execPath, [path.join(__dirname, "build-workspace.js")], { cwd: ROOT, stdio: "inherit" })
  timings.push(["build", seconds(started)])
  if (build.status !== 0) {
    console.log("tests: 0 passed, 1 failed, 0 skipped (the workspace did not build)")
    process.exit(1)
  }

  if (!only.length || only.includes("lint")) {
    console.log("\n=== lint ===")
    const stageStart = Date.now()
    const lint = await run(path.join(ROOT, "node_modules", ".bin", "eslint"), ["--quiet", "."], { cwd: ROOT })
    timings.push(["lint", seconds(stageStart)])
    process.stdout.write(lint.out || "eslint: no errors\n")
    if (lint.status === 0) totals.passed++
    else {
      totals.failed++
      failures.push("lint: @medusajs/eslint-plugin reported errors (npm run lint)")
    }
  }

  // The smoke test (`npm start` from a fresh copy) runs beside the e2e stage, whose suites spend
  // much of their time waiting on processes and browsers; its output is printed after the e2e stage.
  let smoke = null
  const startSmoke = () => {
    const stageStart = Date.now()
    smoke = run(process.execPath, [path.join(__dirname, "smoke.js")], { cwd: ROOT, env: process.env }).then((res) => ({ ...res, seconds: seconds(stageStart) }))
  }
  const wantSmoke = !only.length || only.includes("smoke")

  for (const stage of stages) {
    if (only.length && !only.includes(stage.name)) continue
    console.log(`\n=== ${stage.name} ===`)
    const stageStart = Date.now()
    const out = path.join(os.tmpdir(), `jest-${stage.name}-${process.pid}.json`)
    const env = { ...baseEnv, ...stage.env }
    if (stage.template) env.MEDUSA_TEST_DB_TEMPLATE = await ensureIntegrationTemplate(env).catch((e) => {
      console.log(`(no template database, suites migrate their own: ${e.message.split("\n")[0]})`)
      return ""
    })
    // The dashboard the Chromium suites open, built once before they start rather than by whichever runs first.
    if (stage.admin) await ensureAdminBuild({ ...env, NODE_ENV: "production" }, (m) => console.log(m)).catch((e) => console.log(`(admin build failed: ${e.message.slice(0, 500)})`))
    if (stage.admin && wantSmoke) startSmoke()
    const res = await run(jest, [...stage.args, "--forceExit", "--json", `--outputFile=${out}`], {
      cwd: ROOT,
      env,
      stdio: "inherit",
    })
    timings.push([stage.name, seconds(stageStart)])
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

  if (wantSmoke) {
    console.log("\n=== smoke ===")
    if (!smoke) startSmoke()
    const res = await smoke
    timings.push(["smoke (beside e2e)", res.seconds])
    process.stdout.write(res.out)
    const m = /smoke: (\d+) passed, (\d+) failed/.exec(res.out)
    if (m) {
      totals.passed += Number(m[1])
      totals.failed += Number(m[2])
    }
    if (!m || res.status !== 0) {
      if (!m) totals.failed++
      failures.push("smoke: see the output above")
    }
  }

  const peak = memory.stop()
  console.log("")
  for (const f of failures) console.log(`FAILED ${f}`)
  console.log(`time: ${timings.map(([n, s]) => `${n} ${s}s`).join(", ")}; total ${seconds(started)}s on Node ${process.versions.node}`)
  if (peak) console.log(`peak memory of one test process: ${peak.mb} MB (${peak.cmd})`)
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
  process.exit(totals.failed ? 1 : 0)
}

main()
