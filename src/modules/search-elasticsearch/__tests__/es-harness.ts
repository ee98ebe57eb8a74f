import { Client, errors } from "@elastic/elasticsearch"
import Mock from "@elastic/elasticsearch-mock"

export type RecordedRequest = { method: string; path: string; querystring: string; body: unknown }

/**
 * A client for the provider specs: a real node when ELASTICSEARCH_URL is set, otherwise
 * @elastic/elasticsearch-mock answering in the documented ES 8 format. Either way every
 * request is recorded from the client's diagnostics, so the specs assert the exact bodies sent.
 */
export function connect() {
  const url = process.env.ELASTICSEARCH_URL
  const mock = url ? undefined : new Mock()
  const client = url
    ? new Client({
        node: url,
        auth: process.env.ELASTICSEARCH_API_KEY ? { apiKey: process.env.ELASTICSEARCH_API_KEY } : undefined,
      })
    : new Client({ node: "http://localhost:9200", Connection: mock!.getConnection() })
  const requests: RecordedRequest[] = []
  client.diagnostic.on("request", (_err, event) => {
    const params = event?.meta.request.params
    if (!params) return
    const raw = params.body ?? (params as { bulkBody?: unknown }).bulkBody
    const text = typeof raw === "string" ? raw : raw ? String(raw) : ""
    let body: unknown
    if (!text) body = undefined
    else if ((params.headers?.["content-type"] ?? "").toString().includes("ndjson")) {
      body = text.split("\n").filter(Boolean).map((l) => JSON.parse(l))
    } else body = JSON.parse(text)
    requests.push({ method: params.method, path: params.path, querystring: String(params.querystring ?? ""), body })
  })
  return { client, mock, real: !!url, requests, take: () => requests.splice(0, requests.length) }
}

export const notFound = (type = "index_not_found_exception", reason = "no such index") =>
  new errors.ResponseError({
    body: { error: { root_cause: [{ type, reason }], type, reason }, status: 404 },
    statusCode: 404,
    headers: {},
    warnings: null,
    meta: {} as any,
  })

/** Minimal stateful stand-in for index administration (create, alias, mapping, count, delete). */
export function mockIndexAdmin(mock: Mock) {
  const indices = new Map<string, { alias: string; mappings: any; settings: any; docs: Map<string, any> }>()
  let bulkOverride: ((p: any) => any) | undefined
  const byAlias = (name: string) => [...indices.entries()].find(([, v]) => v.alias === name)
  mock.add({ method: "GET", path: "/_alias/:name" }, (p: any) => {
    const name = p.path.split("/")[2]
    const hit = byAlias(name)
    return hit ? { [hit[0]]: { aliases: { [name]: { is_write_index: true } } } } : notFound("aliases_not_found_exception", `alias [${name}] missing`)
  })
  mock.add({ method: "HEAD", path: "/:index" }, (p: any) => (indices.has(p.path.slice(1)) ? "" : notFound()))
  mock.add({ method: "PUT", path: "/:index" }, (p: any) => {
    const index = p.path.slice(1)
    const alias = Object.keys(p.body.aliases ?? {})[0]
    indices.set(index, { alias, mappings: p.body.mappings, settings: p.body.settings, docs: new Map() })
    return { acknowledged: true, shards_acknowledged: true, index }
  })
  mock.add({ method: "DELETE", path: "/:index" }, (p: any) => {
    for (const name of p.path.slice(1).split(",")) indices.delete(name)
    return { acknowledged: true }
  })
  mock.add({ method: "GET", path: "/:index/_mapping" }, (p: any) => {
    const target = p.path.split("/")[1]
    if (target === "*") return Object.fromEntries([...indices].map(([k, v]) => [k, { mappings: v.mappings }]))
    const hit = indices.has(target) ? [target, indices.get(target)!] as const : byAlias(target)
    return hit ? { [hit[0]]: { mappings: hit[1].mappings } } : notFound()
  })
  mock.add({ method: ["GET", "POST"], path: "/:index/_count" }, (p: any) => {
    const entry = indices.get(p.path.split("/")[1])
    return { count: entry?.docs.size ?? 0, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 } }
  })
  mock.add({ method: ["POST", "PUT"], path: "/_bulk" }, (p: any) => {
    if (bulkOverride) return bulkOverride(p)
    const items: any[] = []
    const ops = p.body as any[]
    for (let i = 0; i < ops.length; i++) {
      const [action, meta] = Object.entries(ops[i])[0] as [string, any]
      const hit = byAlias(meta._index)
      if (!hit) {
        items.push({ [action]: { _index: meta._index, _id: meta._id, status: 404, error: { type: "index_not_found_exception", reason: `no such index [${meta._index}] and [require_alias] request flag is [true] and [${meta._index}] is not an alias` } } })
        if (action === "index") i++
        continue
      }
      if (action === "index") {
        const existed = hit[1].docs.has(meta._id)
        hit[1].docs.set(meta._id, ops[++i])
        items.push({ index: { _index: hit[0], _id: meta._id, _version: 1, result: existed ? "updated" : "created", status: existed ? 200 : 201, _seq_no: 0, _primary_term: 1 } })
      } else {
        const existed = hit[1].docs.delete(meta._id)
        items.push({ delete: { _index: hit[0], _id: meta._id, _version: 2, result: existed ? "deleted" : "not_found", status: existed ? 200 : 404 } })
      }
    }
    return { took: 3, errors: items.some((it) => (Object.values(it)[0] as any).error), items }
  })
  mock.add({ method: "POST", path: "/:index/_delete_by_query" }, (p: any) => {
    const target = p.path.split("/")[1]
    const entry = indices.get(target) ?? byAlias(target)?.[1]
    let deleted = 0
    if (entry && p.body.query.match_all) {
      deleted = entry.docs.size
      entry.docs.clear()
    } else if (entry && p.body.query.term?.status) {
      const status = p.body.query.term.status
      for (const [id, doc] of entry.docs) if (doc.status === status) { entry.docs.delete(id); deleted++ }
    }
    return { took: 2, timed_out: false, total: deleted, deleted, batches: 1, version_conflicts: 0, noops: 0, failures: [] }
  })
  return { indices, overrideBulk: (fn?: (p: any) => any) => void (bulkOverride = fn) }
}
