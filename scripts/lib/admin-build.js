// Builds the admin dashboard once into public/admin, which `medusa start` serves
// at /app, and rebuilds only when its inputs change.
const crypto = require("crypto")
const fs = require("fs")
const path = require("path")
const { ROOT, medusa } = require("./run")
const { workspacePackages } = require("./workspace")

const OUT_DIR = path.join(ROOT, "public", "admin")
const HASH_FILE = path.join(OUT_DIR, ".build-hash")

function listFiles(dir) {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? listFiles(p) : [p]
  })
}

function adminInputsHash(env) {
  const h = crypto.createHash("sha256")
  const inputs = [
    ...listFiles(path.join(ROOT, "src", "admin")).sort(),
    path.join(ROOT, "medusa-config.ts"),
    path.join(ROOT, "node_modules", "@medusajs", "dashboard", "package.json"),
    // Plugins' admin extensions are bundled into the dashboard too: their build stamps change with them.
    ...workspacePackages()
      .filter((p) => p.kind === "plugin")
      .map((p) => path.join(p.dir, ".medusa", "server", ".source-hash")),
  ]
  for (const file of inputs) {
    if (!fs.existsSync(file)) continue
    h.update(path.relative(ROOT, file))
    h.update(fs.readFileSync(file))
  }
  // Baked into the bundle at build time.
  h.update(`backend=${env.MEDUSA_BACKEND_URL || "/"};auth=${env.ADMIN_AUTH_TYPE || ""}`)
  return h.digest("hex")
}

const LOCK_DIR = path.join(ROOT, ".medusa", "admin-build.lock")

/** One build at a time across processes (parallel test workers): a lock folder, taken over when stale. */
async function withBuildLock(fn) {
  fs.mkdirSync(path.dirname(LOCK_DIR), { recursive: true })
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR)
      break
    } catch (e) {
      if (e.code !== "EEXIST") throw e
      const age = Date.now() - fs.statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs
      if (age > 10 * 60_000) fs.rmSync(LOCK_DIR, { recursive: true, force: true })
      else await new Promise((r) => setTimeout(r, 500))
    }
  }
  try {
    return await fn()
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true })
  }
}

function ensureAdminBuild(env, log) {
  return withBuildLock(() => buildIfChanged(env, log))
}

async function buildIfChanged(env, log) {
  const hash = adminInputsHash(env)
  const current = fs.existsSync(HASH_FILE) ? fs.readFileSync(HASH_FILE, "utf8").trim() : ""
  if (current === hash && fs.existsSync(path.join(OUT_DIR, "index.html"))) return false
  log("building the admin dashboard (first start or admin sources changed, ~40s)...")
  const { seconds } = await medusa(["build", "--admin-only"], { env: { ...env, NODE_ENV: "production" } })
  fs.rmSync(OUT_DIR, { recursive: true, force: true })
  fs.mkdirSync(path.dirname(OUT_DIR), { recursive: true })
  fs.cpSync(path.join(ROOT, ".medusa", "admin"), OUT_DIR, { recursive: true })
  fs.writeFileSync(HASH_FILE, hash)
  log(`admin dashboard built in ${seconds}s`)
  return true
}

module.exports = { ensureAdminBuild }
