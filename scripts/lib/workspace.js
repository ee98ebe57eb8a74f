// The npm workspace: shared packages (packages/*) and Medusa plugins (plugins/*), listed in
// dependency order, each with a hash of its inputs so an unchanged one is never rebuilt.
const crypto = require("crypto")
const fs = require("fs")
const path = require("path")

const ROOT = path.resolve(__dirname, "..", "..")
const IGNORED_DIRS = new Set(["node_modules", ".medusa", "dist", "coverage", ".cache"])

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"))
}

/** Folders matched by the root package.json's "workspaces" globs (only `<dir>/*` globs are used). */
function workspaceDirs(root = ROOT) {
  const globs = readJson(path.join(root, "package.json")).workspaces || []
  return globs.flatMap((glob) => {
    const base = path.join(root, glob.replace(/\/\*$/, ""))
    if (!fs.existsSync(base)) return []
    return fs
      .readdirSync(base, { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.existsSync(path.join(base, e.name, "package.json")))
      .map((e) => path.join(base, e.name))
  })
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (IGNORED_DIRS.has(e.name)) return []
    const p = path.join(dir, e.name)
    return e.isDirectory() ? listFiles(p) : [p]
  })
}

/** Hash of every source file of a workspace package (tests included: cheap, and never stale). */
function sourceHash(dir, extra = []) {
  const h = crypto.createHash("sha256")
  for (const file of listFiles(dir).sort()) {
    h.update(path.relative(dir, file))
    h.update(fs.readFileSync(file))
  }
  for (const x of extra) h.update(x)
  return h.digest("hex")
}

/**
 * Workspace packages in build order: a package comes after every workspace package it depends on.
 * Each entry: { name, dir, kind: "plugin" | "package", deps, pkg }.
 */
function workspacePackages(root = ROOT) {
  const all = workspaceDirs(root).map((dir) => {
    const pkg = readJson(path.join(dir, "package.json"))
    // Build order follows what a package needs at build and run time; devDependencies (the test kit) do not count.
    const declared = { ...pkg.dependencies, ...pkg.peerDependencies }
    return {
      name: pkg.name,
      dir,
      pkg,
      kind: path.basename(path.dirname(dir)) === "plugins" ? "plugin" : "package",
      declared: Object.keys(declared),
    }
  })
  const byName = new Map(all.map((p) => [p.name, p]))
  for (const p of all) p.deps = p.declared.filter((d) => byName.has(d))
  const ordered = []
  const state = new Map()
  const visit = (p, trail) => {
    if (state.get(p.name) === "done") return
    if (state.get(p.name) === "visiting") throw new Error(`workspace dependency cycle: ${[...trail, p.name].join(" -> ")}`)
    state.set(p.name, "visiting")
    for (const d of p.deps) visit(byName.get(d), [...trail, p.name])
    state.set(p.name, "done")
    ordered.push(p)
  }
  for (const p of all.sort((a, b) => a.name.localeCompare(b.name))) visit(p, [])
  return ordered
}

module.exports = { ROOT, workspacePackages, sourceHash, listFiles }

/**
 * Hash of everything that shapes the app's database after migrations and seeding: Medusa and the
 * other installed versions (lockfile), the app's config and sources, and each plugin's build.
 * Test templates are named after it, so a stale template is never reused.
 */
function appSourceHash(root = ROOT) {
  const extra = [path.join(root, "package-lock.json"), path.join(root, "medusa-config.ts")]
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f))
  for (const p of workspacePackages(root)) {
    const stamp = path.join(p.dir, p.kind === "plugin" ? ".medusa/server" : "dist", ".source-hash")
    extra.push(fs.existsSync(stamp) ? fs.readFileSync(stamp) : Buffer.from(p.name))
  }
  return sourceHash(path.join(root, "src"), extra).slice(0, 12)
}

module.exports.appSourceHash = appSourceHash
