const { spawn } = require("child_process")
const path = require("path")

const ROOT = path.resolve(__dirname, "..", "..")
const MEDUSA_BIN = path.join(ROOT, "node_modules", ".bin", "medusa")

/** Runs a command to completion, capturing its output; rejects with that output on failure. */
function run(cmd, args, { env = process.env, cwd = ROOT, label = `${cmd} ${args.join(" ")}` } = {}) {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    child.stdout.on("data", (d) => (output += d))
    child.stderr.on("data", (d) => (output += d))
    child.on("error", reject)
    child.on("close", (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      if (code === 0) return resolve({ output, seconds })
      const err = new Error(`${label} failed (exit ${code}) after ${seconds}s:\n${output.slice(-8000)}`)
      err.output = output
      reject(err)
    })
  })
}

const medusa = (args, opts = {}) => run(MEDUSA_BIN, args, { label: `medusa ${args.join(" ")}`, ...opts })

async function waitForHttp(url, { timeoutMs = 120000, child } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before ${url} answered`)
    try {
      const res = await fetch(url)
      if (res.ok) return res
    } catch {}
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`)
}

module.exports = { ROOT, MEDUSA_BIN, run, medusa, waitForHttp }
