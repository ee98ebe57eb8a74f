import path from "path"

const ROOT = path.join(__dirname, "../..")

function loadConfig(env: Record<string, string | undefined>) {
  const saved = { ...process.env }
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  try {
    let config: any
    jest.isolateModules(() => {
      config = require(path.join(ROOT, "medusa-config.ts"))
    })
    return config
  } finally {
    process.env = saved
  }
}

const searchModule = (config: any) =>
  Object.values(config.modules).find((m: any) => m.resolve === "@medusajs/medusa/search") as any

describe("search configuration", () => {
  it("serves search from PostgreSQL when ELASTICSEARCH_URL is unset", () => {
    const search = searchModule(loadConfig({ ELASTICSEARCH_URL: undefined }))
    expect(search.options.default_provider).toBe("search-postgres")
    expect(search.options.providers.map((p: any) => p.resolve)).toEqual(["@medusajs/medusa/search-postgres"])
  })

  it("makes Elasticsearch the default with ELASTICSEARCH_URL, keeping search-postgres registered", () => {
    const search = searchModule(loadConfig({
      ELASTICSEARCH_URL: "https://es-1:9200, https://es-2:9200",
      ELASTICSEARCH_API_KEY: "a2V5OnNlY3JldA==",
      SEARCH_INDEX_PREFIX: "shop_prod",
      SEARCH_SYNONYMS: "tee,t-shirt;kurta,kurti",
    }))
    expect(search.options.default_provider).toBe("search-elasticsearch")
    expect(search.options.index_prefix).toBe("shop_prod")
    const [pg, es] = search.options.providers
    expect(pg.resolve).toBe("@medusajs/medusa/search-postgres")
    expect(es).toMatchObject({
      resolve: "./src/modules/search-elasticsearch",
      options: { node: ["https://es-1:9200", "https://es-2:9200"], api_key: "a2V5OnNlY3JldA==", synonyms: [["tee", "t-shirt"], ["kurta", "kurti"]] },
    })
    expect(es.options.username).toBeUndefined()
  })
})
