import fs from "fs"
import path from "path"

/**
 * Every field a Kibana data view, visualisation or dashboard references must be mapped in the
 * index template of the data stream it reads; otherwise the panel is silently empty.
 */
const ROOT = path.join(__dirname, "../..")
const ES = path.join(ROOT, "elasticsearch")

type Mapping = { type?: string; properties?: Record<string, Mapping>; fields?: Record<string, Mapping> }

function templates() {
  return fs.readdirSync(path.join(ES, "index-templates")).map((f) => JSON.parse(fs.readFileSync(path.join(ES, "index-templates", f), "utf8")))
}

/** Dotted paths of every mapped leaf (and multi-field) in a template. */
function mappedFields(mapping: Mapping, prefix = ""): Map<string, string> {
  const out = new Map<string, string>()
  for (const [name, m] of Object.entries(mapping.properties ?? {})) {
    const p = prefix ? `${prefix}.${name}` : name
    if (m.properties) for (const [k, v] of mappedFields(m, p)) out.set(k, v)
    else out.set(p, m.type ?? "object")
    for (const [sub, sm] of Object.entries(m.fields ?? {})) out.set(`${p}.${sub}`, sm.type ?? "object")
  }
  return out
}

/** Field names in a KQL string: the left side of `field : value`. */
const kqlFields = (q: string) => [...q.matchAll(/([@\w][\w.@]*)\s*:/g)].map((m) => m[1])

function referencedFields(obj: any): string[] {
  const fields: string[] = []
  const a = obj.attributes
  if (a.timeFieldName) fields.push(a.timeFieldName)
  if (a.visState) {
    for (const agg of JSON.parse(a.visState).aggs ?? []) {
      if (agg.params?.field) fields.push(agg.params.field)
      for (const f of agg.params?.filters ?? []) fields.push(...kqlFields(f.input.query))
    }
  }
  const source = a.kibanaSavedObjectMeta?.searchSourceJSON && JSON.parse(a.kibanaSavedObjectMeta.searchSourceJSON)
  if (source?.query?.query) fields.push(...kqlFields(source.query.query))
  return fields
}

const patternMatches = (pattern: string, title: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(title.replace(/\*$/, "-x"))

describe("Kibana saved objects against the index templates", () => {
  const lines = fs.readFileSync(path.join(ES, "kibana", "saved-objects.ndjson"), "utf8").trim().split("\n")
  const objects = lines.map((l) => JSON.parse(l))
  const byId = new Map(objects.map((o) => [o.id, o]))

  it("the NDJSON is what build.js generates (edit build.js, then run it)", () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { toNdjson } = require(path.join(ES, "kibana", "build.js"))
    expect(fs.readFileSync(path.join(ES, "kibana", "saved-objects.ndjson"), "utf8")).toBe(toNdjson())
  })

  it("has the data views and the dashboard panels the issue asks for", () => {
    expect(objects.filter((o) => o.type === "index-pattern").map((o) => o.attributes.title).sort()).toEqual(["shop-api-metrics*", "shop-events*"])
    const dashboard = objects.find((o) => o.type === "dashboard")
    const panels = dashboard.references.map((r: any) => byId.get(r.id)?.attributes.title)
    expect(panels).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Revenue over time by region and currency/),
        expect.stringMatching(/Top products/),
        expect.stringMatching(/Checkout funnel/),
        expect.stringMatching(/zero results/),
        expect.stringMatching(/p95 latency by route/),
      ])
    )
    for (const ref of objects.flatMap((o) => o.references)) expect(byId.has(ref.id)).toBe(true)
  })

  it("every referenced field exists in the template of the data stream the data view reads", () => {
    const tpls = templates()
    const missing: string[] = []
    let checked = 0
    for (const obj of objects) {
      const dv = obj.type === "index-pattern" ? obj : byId.get(obj.references.find((r: any) => r.type === "index-pattern")?.id)
      if (!dv) continue
      const tpl = tpls.find((t) => t.index_patterns.some((p: string) => patternMatches(p, dv.attributes.title)))
      expect([dv.attributes.title, Boolean(tpl)]).toEqual([dv.attributes.title, true])
      const mapped = mappedFields(tpl.template.mappings)
      for (const f of referencedFields(obj)) {
        checked++
        if (!mapped.has(f)) missing.push(`${obj.id}: ${f}`)
      }
    }
    expect(checked).toBeGreaterThan(10)
    expect(missing).toEqual([])
  })

  it("aggregated fields have aggregatable types (no text fields in terms, numbers in sums)", () => {
    const tpls = templates()
    for (const obj of objects.filter((o) => o.type === "visualization")) {
      const dv = byId.get(obj.references[0].id)
      const mapped = mappedFields(tpls.find((t) => t.index_patterns.some((p: string) => patternMatches(p, dv.attributes.title))).template.mappings)
      for (const agg of JSON.parse(obj.attributes.visState).aggs) {
        if (!agg.params?.field) continue
        const type = mapped.get(agg.params.field)
        if (["sum", "max", "percentiles"].includes(agg.type)) expect([agg.params.field, type]).toEqual([agg.params.field, expect.stringMatching(/long|integer|float|short/)])
        if (["terms", "cardinality"].includes(agg.type)) expect([agg.params.field, type]).toEqual([agg.params.field, expect.stringMatching(/keyword|long|integer|boolean/)])
      }
    }
  })

  it("every index template names an ILM policy that exists in elasticsearch/ilm", () => {
    const policies = fs.readdirSync(path.join(ES, "ilm")).map((f) => path.basename(f, ".json"))
    for (const t of templates()) {
      expect(t.data_stream).toBeDefined()
      expect(policies).toContain(t.template.settings["index.lifecycle.name"])
    }
  })
})
