import { execFile } from "child_process"
import fs from "fs"
import path from "path"
import { promisify } from "util"
import { parse } from "yaml"
import { Client } from "@elastic/elasticsearch"
import { ElasticsearchFixture } from "../fixtures/elasticsearch-fixture"
import { KibanaFixture } from "../fixtures/kibana-fixture"

const ROOT = path.join(__dirname, "../..")
const ES_DIR = path.join(ROOT, "elasticsearch")
const run = promisify(execFile)
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { applyElasticsearchSetup } = require("../../scripts/elasticsearch-setup")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { importSavedObjects } = require("../../scripts/kibana-import")

const files = (sub: string) => fs.readdirSync(path.join(ES_DIR, sub)).map((f) => path.basename(f, ".json")).sort()
const savedObjectIds = () =>
  fs.readFileSync(path.join(ES_DIR, "kibana/saved-objects.ndjson"), "utf8").trim().split("\n").map((l) => JSON.parse(l).id)

describe("Elasticsearch and Kibana set-up (against the fixtures)", () => {
  let es: ElasticsearchFixture
  let kibana: KibanaFixture
  let esUrl: string
  let kibanaUrl: string

  beforeEach(async () => {
    es = new ElasticsearchFixture()
    kibana = new KibanaFixture()
    esUrl = await es.start()
    kibanaUrl = await kibana.start()
  })
  afterEach(async () => {
    await es.stop()
    await kibana.stop()
  })

  it("npm run elasticsearch:setup puts every ILM policy and index template, optionally under another prefix", async () => {
    const client = new Client({ node: esUrl })
    const applied = await applyElasticsearchSetup(client, "shop")
    expect(applied.templates).toEqual(files("index-templates"))
    expect([...es.policies.keys()].sort()).toEqual(files("ilm"))
    expect((es.templates.get("shop-events") as any).index_patterns).toEqual(["shop-events*"])

    await applyElasticsearchSetup(client, "staging")
    const staged = es.templates.get("staging-events") as any
    expect(staged.index_patterns).toEqual(["staging-events*"])
    expect(staged.template.settings["index.lifecycle.name"]).toBe("staging-events")
    expect(es.policies.has("staging-api-metrics")).toBe(true)
    await client.close()
  })

  it("npm run kibana:import posts the NDJSON as multipart with kbn-xsrf and overwrite=true", async () => {
    const result = await importSavedObjects(kibanaUrl, { headers: {} })
    expect(result.successCount).toBe(savedObjectIds().length)
    expect(kibana.imports).toHaveLength(1)
    expect(kibana.imports[0].overwrite).toBe(true)
    expect(kibana.imports[0].objects.map((o) => o.id)).toEqual(savedObjectIds())
  })

  it("the compose one-shot script (curl) applies the same policies, templates and saved objects", async () => {
    const { stdout } = await run("sh", [path.join(ES_DIR, "setup.sh")], { env: { ...process.env, ELASTICSEARCH_URL: esUrl, KIBANA_URL: kibanaUrl } })
    expect(stdout).toMatch(/imported Kibana saved objects/)
    expect([...es.policies.keys()].sort()).toEqual(files("ilm"))
    expect([...es.templates.keys()].sort()).toEqual(files("index-templates"))
    expect(kibana.imports[0].objects.map((o) => o.id)).toEqual(savedObjectIds())
  })

  it("docker compose runs that script once, as soon as Elasticsearch is healthy, with the files mounted", () => {
    const compose = parse(fs.readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8"), { merge: true })
    const setup = compose.services["analytics-setup"]
    expect(setup.entrypoint).toEqual(["/bin/sh", "/setup/setup.sh"])
    expect(setup.volumes).toContain("./elasticsearch:/setup:ro")
    expect(setup.depends_on.elasticsearch.condition).toBe("service_healthy")
    expect(setup.depends_on.kibana.condition).toBe("service_started") // setup.sh waits for /api/status itself
    expect(setup.restart).toBe("no")
    expect(new URL(setup.environment.ELASTICSEARCH_URL).host).toBe("elasticsearch:9200")
    expect(new URL(setup.environment.KIBANA_URL).host).toBe("kibana:5601")
  })
})
