import fs from "fs"
import path from "path"
import { APP_ENV } from "../../src/config"

const ROOT = path.join(__dirname, "../..")
// Set by Node, npm, jest or Medusa's own tooling, not by a user of this repo.
const PLATFORM = new Set(["NODE_ENV", "PATH", "JEST_WORKER_ID", "NODE_OPTIONS", "BOOTSTRAP_SUMMARY_FILE", "PORT"])

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return ["node_modules", ".medusa", ".data", "public"].includes(e.name) ? [] : sourceFiles(p)
    return /\.(ts|tsx|js)$/.test(e.name) ? [p] : []
  })
}

describe(".env.template", () => {
  it("documents every environment variable the code reads", () => {
    const template = fs.readFileSync(path.join(ROOT, ".env.template"), "utf8")
    const documented = new Set([...template.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]))
    const files = [path.join(ROOT, "medusa-config.ts"), ...["src", "scripts", "bench", "integration-tests"].flatMap((d) => sourceFiles(path.join(ROOT, d)))]
    const read = new Set([
      ...files.flatMap((f) => [...fs.readFileSync(f, "utf8").matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1])),
      // What the app configuration reads by name (src/config).
      ...Object.keys(APP_ENV),
    ])
    const missing = [...read].filter((v) => !PLATFORM.has(v) && !documented.has(v)).sort()
    expect(read.size).toBeGreaterThan(10)
    expect(missing).toEqual([])
  })
})
