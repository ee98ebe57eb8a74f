#!/usr/bin/env node
/**
 * Applies the analytics lifecycle policies and data-stream index templates in elasticsearch/
 * to the cluster at ELASTICSEARCH_URL. Idempotent (PUT replaces); run it before the first
 * event is written, and again after changing a template (new backing indices pick it up).
 *
 *   ELASTICSEARCH_URL=http://localhost:9200 npm run elasticsearch:setup
 */
const fs = require("fs")
const path = require("path")
const { Client } = require("@elastic/elasticsearch")

const DIR = path.join(__dirname, "..", "elasticsearch")

function readDir(sub) {
  return fs
    .readdirSync(path.join(DIR, sub))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ name: path.basename(f, ".json"), body: JSON.parse(fs.readFileSync(path.join(DIR, sub, f), "utf8")) }))
}

/** Renames `shop-…` names, patterns and policy references for another prefix. */
function withPrefix(value, prefix) {
  if (prefix === "shop") return value
  return JSON.parse(JSON.stringify(value).replace(/"shop-/g, `"${prefix}-`))
}

function definitions(prefix = "shop") {
  const rename = (n) => n.replace(/^shop-/, `${prefix}-`)
  return {
    policies: readDir("ilm").map(({ name, body }) => ({ name: rename(name), body: withPrefix(body, prefix) })),
    templates: readDir("index-templates").map(({ name, body }) => ({ name: rename(name), body: withPrefix(body, prefix) })),
  }
}

function clientFromEnv(env = process.env) {
  if (!env.ELASTICSEARCH_URL) throw new Error("ELASTICSEARCH_URL is not set")
  const auth = env.ELASTICSEARCH_API_KEY
    ? { apiKey: env.ELASTICSEARCH_API_KEY }
    : env.ELASTICSEARCH_USERNAME
      ? { username: env.ELASTICSEARCH_USERNAME, password: env.ELASTICSEARCH_PASSWORD || "" }
      : undefined
  return new Client({ node: env.ELASTICSEARCH_URL, auth })
}

async function applyElasticsearchSetup(client, prefix = "shop", log = () => {}) {
  const { policies, templates } = definitions(prefix)
  for (const { name, body } of policies) {
    await client.ilm.putLifecycle({ name, ...body })
    log(`ilm policy ${name}`)
  }
  for (const { name, body } of templates) {
    await client.indices.putIndexTemplate({ name, ...body })
    log(`index template ${name}`)
  }
  return { policies: policies.map((p) => p.name), templates: templates.map((t) => t.name) }
}

/** Retries while the cluster is still starting (compose starts us next to it). */
async function waitForCluster(client, timeoutMs) {
  const until = Date.now() + timeoutMs
  for (;;) {
    try {
      await client.info()
      return
    } catch (e) {
      if (Date.now() > until) throw e
      await new Promise((r) => setTimeout(r, 2000))
    }
  }
}

module.exports = { applyElasticsearchSetup, definitions, clientFromEnv }

if (require.main === module) {
  const client = clientFromEnv()
  waitForCluster(client, Number(process.env.ELASTICSEARCH_WAIT_MS || 120000))
    .then(() => applyElasticsearchSetup(client, process.env.ANALYTICS_ES_PREFIX || "shop", (m) => console.log(`applied ${m}`)))
    .then(() => console.log("elasticsearch:setup done"))
    .catch((e) => {
      console.error(`elasticsearch:setup failed: ${e.message}`)
      process.exit(1)
    })
}
