import fs from "fs"
import path from "path"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { workspacePackages, listFiles, ROOT } = require("../../scripts/lib/workspace")

type Pkg = { name: string; dir: string; kind: string; deps: string[]; pkg: Record<string, any> }
const packages: Pkg[] = workspacePackages()
const plugins = packages.filter((p) => p.kind === "plugin")
const template = { name: "template", dir: path.join(ROOT, "templates/plugin"), pkg: JSON.parse(fs.readFileSync(path.join(ROOT, "templates/plugin/package.json"), "utf8")) }

describe("workspace", () => {
  it("lists every package after the workspace packages it depends on", () => {
    const seen = new Set<string>()
    for (const p of packages) {
      for (const d of p.deps) expect(seen.has(d)).toBe(true)
      seen.add(p.name)
    }
    expect(seen.has("@indus/plugin-options")).toBe(true)
  })

  describe.each([template, ...plugins].map((p) => [path.relative(ROOT, p.dir), p] as const))("%s follows the plugin conventions", (_, p) => {
    const { pkg } = p
    it("is a Medusa plugin package named after its folder", () => {
      if (p !== template) expect(pkg.name).toBe(`@indus/${path.basename(p.dir)}`)
      expect(pkg.scripts.build).toBe("medusa plugin:build")
      expect(pkg.files).toEqual([".medusa/server"])
      for (const key of ["./modules/*", "./.medusa/server/src/modules/*", "./providers/*", "./workflows", "./*"]) expect(pkg.exports[key]).toBeDefined()
      expect(pkg.peerDependencies["@medusajs/framework"]).toBeDefined()
      expect(pkg.jest.preset).toBe("@indus/test-kit")
    })

    it("has a README and a typed options file", () => {
      expect(fs.existsSync(path.join(p.dir, "README.md"))).toBe(true)
      expect(fs.existsSync(path.join(p.dir, "src/options.ts"))).toBe(true)
    })

    it("exports ./admin exactly when it has admin extensions", () => {
      const hasAdmin = fs.existsSync(path.join(p.dir, "src/admin")) && listFiles(path.join(p.dir, "src/admin")).some((f: string) => /\.tsx?$/.test(f))
      if (p !== template) expect(Boolean(pkg.exports["./admin"])).toBe(hasAdmin)
    })

    it("never reads process.env outside its tests (the app maps env to options)", () => {
      const src = path.join(p.dir, "src")
      const offenders = listFiles(src)
        .filter((f: string) => /\.tsx?$/.test(f) && !f.includes("__tests__"))
        .filter((f: string) => /process\.env/.test(fs.readFileSync(f, "utf8")))
      expect(offenders.map((f: string) => path.relative(ROOT, f))).toEqual([])
    })
  })
})
