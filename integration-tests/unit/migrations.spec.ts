import fs from "fs"
import path from "path"

/**
 * Medusa records executed module migrations by name in one table, so two modules with the same
 * migration name make the second one look already applied and its tables never get created.
 */
describe("module migrations", () => {
  it("have names unique across all modules", () => {
    const modules = path.join(__dirname, "..", "..", "src", "modules")
    const seen = new Map<string, string>()
    const clashes: string[] = []
    for (const mod of fs.readdirSync(modules)) {
      const dir = path.join(modules, mod, "migrations")
      if (!fs.existsSync(dir)) continue
      for (const file of fs.readdirSync(dir).filter((f) => /^Migration\d+\.ts$/.test(f))) {
        const name = file.replace(/\.ts$/, "")
        const other = seen.get(name)
        if (other) clashes.push(`${name} in ${other} and ${mod}`)
        else seen.set(name, mod)
      }
    }
    expect(seen.size).toBeGreaterThan(0)
    expect(clashes).toEqual([])
  })
})
