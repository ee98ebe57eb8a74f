import { execFileSync } from "child_process"
import fs from "fs"
import path from "path"

/** The repository's root: the first folder above this package whose package.json has workspaces. */
export function workspaceRoot(from = fs.realpathSync(__dirname)): string {
  let dir = from
  while (dir !== path.dirname(dir)) {
    const pkg = path.join(dir, "package.json")
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, "utf8")).workspaces) return dir
    dir = path.dirname(dir)
  }
  throw new Error(`no npm workspace above ${from}`)
}

type WorkspacePackage = { name: string; dir: string; dependencies: string[] }

function workspacePackages(root: string): Map<string, WorkspacePackage> {
  const out = new Map<string, WorkspacePackage>()
  for (const group of ["packages", "plugins"]) {
    const base = path.join(root, group)
    if (!fs.existsSync(base)) continue
    for (const name of fs.readdirSync(base)) {
      const file = path.join(base, name, "package.json")
      if (!fs.existsSync(file)) continue
      const pkg = JSON.parse(fs.readFileSync(file, "utf8"))
      out.set(pkg.name, { name: pkg.name, dir: path.dirname(file), dependencies: Object.keys(pkg.dependencies ?? {}) })
    }
  }
  return out
}

/** The named workspace packages and every workspace package they depend on at run time. */
export function runtimeClosure(root: string, names: string[]): WorkspacePackage[] {
  const all = workspacePackages(root)
  const out = new Map<string, WorkspacePackage>()
  const add = (name: string) => {
    const p = all.get(name)
    if (!p) throw new Error(`${name} is not a package of this workspace`)
    if (out.has(name)) return
    out.set(name, p)
    p.dependencies.filter((d) => all.has(d)).forEach(add)
  }
  names.forEach(add)
  return [...out.values()]
}

/** `npm pack` of a workspace package: exactly the files npm publish would upload. */
export function pack(pkgDir: string, destination: string): string {
  const out = execFileSync("npm", ["pack", "--silent", "--pack-destination", destination], { cwd: pkgDir, encoding: "utf8" })
  const file = out.trim().split("\n").pop()!
  return path.join(destination, file)
}

/** What `npm install <tarball>` puts in node_modules/<name>: the tarball's `package/` folder. */
export function extractInto(tarball: string, target: string) {
  fs.rmSync(target, { recursive: true, force: true })
  fs.mkdirSync(target, { recursive: true })
  execFileSync("tar", ["xzf", tarball, "-C", target, "--strip-components=1"])
}
