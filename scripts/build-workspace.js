#!/usr/bin/env node
// Builds the workspace before the app uses it: packages/* (tsc into dist/) and plugins/*
// (`medusa plugin:build` into .medusa/server/), in dependency order. A package whose sources
// (and whose workspace dependencies) are unchanged since its last build is skipped, so
// `npm start` and `npm test` pay for a build only after a change.
//   node scripts/build-workspace.js            build what changed
//   node scripts/build-workspace.js --force    rebuild everything
//   node scripts/build-workspace.js @indus/x   only these (and what they depend on)
const fs = require("fs")
const path = require("path")
const { spawn } = require("child_process")
const { ROOT, workspacePackages, sourceHash } = require("./lib/workspace")

const log = (msg) => console.log(`[build] ${msg}`)

const outputDir = (p) => path.join(p.dir, p.kind === "plugin" ? ".medusa/server" : "dist")
const stampFile = (p) => path.join(outputDir(p), ".source-hash")
const medusaVersion = () => require(path.join(ROOT, "node_modules/@medusajs/framework/package.json")).version

function runBuild(p) {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn("npm", ["run", "build", "--silent"], { cwd: p.dir, env: { ...process.env, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (out += d))
    child.on("error", reject)
    child.on("close", (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      if (code === 0) return resolve(seconds)
      reject(new Error(`${p.name}: build failed (exit ${code}) after ${seconds}s\n${out.slice(-6000)}`))
    })
  })
}

function wanted(all, only) {
  if (!only.length) return all
  const byName = new Map(all.map((p) => [p.name, p]))
  const keep = new Set()
  const add = (name) => {
    const p = byName.get(name)
    if (!p) throw new Error(`no workspace package named ${name}`)
    if (keep.has(name)) return
    keep.add(name)
    p.deps.forEach(add)
  }
  only.forEach(add)
  return all.filter((p) => keep.has(p.name))
}

async function buildWorkspace({ force = false, only = [] } = {}) {
  const all = workspacePackages()
  const hashes = new Map()
  let built = 0
  for (const p of wanted(all, only)) {
    if (!p.pkg.scripts?.build) continue
    const hash = sourceHash(p.dir, [medusaVersion(), ...p.deps.map((d) => hashes.get(d) ?? "")])
    hashes.set(p.name, hash)
    const current = fs.existsSync(stampFile(p)) ? fs.readFileSync(stampFile(p), "utf8").trim() : ""
    if (!force && current === hash) continue
    const seconds = await runBuild(p)
    fs.mkdirSync(outputDir(p), { recursive: true })
    fs.writeFileSync(stampFile(p), hash)
    log(`${p.name} built in ${seconds}s`)
    built++
  }
  if (!built) log("workspace up to date")
}

if (require.main === module) {
  const args = process.argv.slice(2)
  buildWorkspace({ force: args.includes("--force"), only: args.filter((a) => !a.startsWith("--")) }).catch((e) => {
    console.error(`[build] ${e.message}`)
    process.exit(1)
  })
}

module.exports = { buildWorkspace }
