#!/usr/bin/env node
/**
 * Imports elasticsearch/kibana/saved-objects.ndjson (data views, visualisations, the shop
 * dashboard) through Kibana's saved-objects API: POST /api/saved_objects/_import?overwrite=true
 * as multipart/form-data with a `kbn-xsrf` header. Waits for Kibana to report ready first.
 *
 *   KIBANA_URL=http://localhost:5601 npm run kibana:import
 */
const fs = require("fs")
const path = require("path")

const FILE = path.join(__dirname, "..", "elasticsearch", "kibana", "saved-objects.ndjson")

function authHeaders(env = process.env) {
  if (env.KIBANA_API_KEY) return { authorization: `ApiKey ${env.KIBANA_API_KEY}` }
  if (env.KIBANA_USERNAME) {
    const basic = Buffer.from(`${env.KIBANA_USERNAME}:${env.KIBANA_PASSWORD || ""}`).toString("base64")
    return { authorization: `Basic ${basic}` }
  }
  return {}
}

async function waitForKibana(url, headers, timeoutMs) {
  const until = Date.now() + timeoutMs
  for (;;) {
    try {
      const res = await fetch(`${url}/api/status`, { headers })
      if (res.ok) {
        const status = await res.json()
        if (status?.status?.overall?.level === "available" || status?.status?.overall?.state === "green") return
      }
    } catch {}
    if (Date.now() > until) throw new Error(`Kibana at ${url} did not become available`)
    await new Promise((r) => setTimeout(r, 3000))
  }
}

async function importSavedObjects(url, { file = FILE, headers = authHeaders(), waitMs = 0 } = {}) {
  if (waitMs) await waitForKibana(url, headers, waitMs)
  const form = new FormData()
  form.append("file", new Blob([fs.readFileSync(file)], { type: "application/ndjson" }), path.basename(file))
  const res = await fetch(`${url.replace(/\/$/, "")}/api/saved_objects/_import?overwrite=true`, {
    method: "POST",
    headers: { "kbn-xsrf": "true", ...headers },
    body: form,
  })
  const body = await res.json().catch(() => ({}))
  if (!res.ok || body.success === false) {
    const errors = (body.errors || []).map((e) => `${e.type}/${e.id}: ${e.error?.type}`).join(", ")
    throw new Error(`import failed (HTTP ${res.status}) ${body.message || ""} ${errors}`.trim())
  }
  return body
}

module.exports = { importSavedObjects }

if (require.main === module) {
  const url = process.env.KIBANA_URL
  if (!url) {
    console.error("KIBANA_URL is not set")
    process.exit(1)
  }
  importSavedObjects(url, { waitMs: Number(process.env.KIBANA_WAIT_MS || 300000) })
    .then((r) => console.log(`kibana:import imported ${r.successCount} saved object(s)`))
    .catch((e) => {
      console.error(`kibana:import failed: ${e.message}`)
      process.exit(1)
    })
}
