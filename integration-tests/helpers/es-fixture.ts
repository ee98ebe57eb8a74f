import http from "http"
import type { AddressInfo } from "net"

type Index = { alias?: string; mappings: any; docs: Map<string, any> }

/**
 * A small HTTP stand-in for an Elasticsearch 8 node, answering the endpoints the
 * search-elasticsearch provider uses in the documented ES 8 response format (including the
 * `x-elastic-product` header the official client checks). Searches answer with no hits; the
 * point is what the app sends and how it behaves when the node stops answering (`hang`).
 */
export async function startEsFixture() {
  const indices = new Map<string, Index>()
  const requests: { method: string; path: string; body: any }[] = []
  let hang = false
  const byAlias = (name: string) => [...indices].find(([, v]) => v.alias === name)
  const resolve = (name: string) => (indices.has(name) ? ([name, indices.get(name)!] as const) : byAlias(name))
  const notFound = (index: string) => [404, { error: { root_cause: [], type: "index_not_found_exception", reason: `no such index [${index}]` }, status: 404 }] as const

  const handle = (method: string, path: string, body: any): readonly [number, any] => {
    const [, first, second] = path.split("?")[0].split("/")
    if (method === "GET" && !first) return [200, { name: "fixture", cluster_name: "fixture", version: { number: "8.19.0" }, tagline: "You Know, for Search" }]
    if (first === "_alias") {
      const hit = byAlias(second)
      return hit ? [200, { [hit[0]]: { aliases: { [second]: {} } } }] : [404, { error: `alias [${second}] missing`, status: 404 }]
    }
    if (first === "_bulk") {
      const items: any[] = []
      for (let i = 0; i < body.length; i++) {
        const [action, meta] = Object.entries(body[i])[0] as [string, any]
        const hit = byAlias(meta._index)
        if (action === "index") i++
        if (!hit) {
          items.push({ [action]: { _index: meta._index, _id: meta._id, status: 404, error: { type: "index_not_found_exception", reason: "no such index" } } })
          continue
        }
        if (action === "index") hit[1].docs.set(meta._id, body[i])
        else hit[1].docs.delete(meta._id)
        items.push({ [action]: { _index: hit[0], _id: meta._id, status: 200, result: action === "index" ? "created" : "deleted" } })
      }
      return [200, { took: 1, errors: items.some((it) => (Object.values(it)[0] as any).error), items }]
    }
    if (first === "_msearch") {
      const responses: any[] = []
      for (let i = 0; i < body.length; i += 2) {
        responses.push({ took: 1, timed_out: false, status: 200, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 }, hits: { total: { value: 0, relation: "eq" }, max_score: null, hits: [] } })
      }
      return [200, { took: 1, responses }]
    }
    if (second === "_mapping") {
      if (first === "*") return [200, Object.fromEntries([...indices].map(([k, v]) => [k, { mappings: v.mappings }]))]
      const hit = resolve(first)
      return hit ? [200, { [hit[0]]: { mappings: hit[1].mappings } }] : notFound(first)
    }
    if (second === "_count") return [200, { count: resolve(first)?.[1].docs.size ?? 0, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 } }]
    if (second === "_delete_by_query") {
      const hit = resolve(first)
      const deleted = hit && body.query?.match_all ? hit[1].docs.size : 0
      if (hit && body.query?.match_all) hit[1].docs.clear()
      return [200, { took: 1, deleted, total: deleted, failures: [] }]
    }
    if (method === "HEAD") return [resolve(first) ? 200 : 404, ""]
    if (method === "PUT") {
      indices.set(first, { alias: Object.keys(body.aliases ?? {})[0], mappings: body.mappings, docs: new Map() })
      return [200, { acknowledged: true, shards_acknowledged: true, index: first }]
    }
    if (method === "DELETE") {
      for (const name of first.split(",")) indices.delete(name)
      return [200, { acknowledged: true }]
    }
    return [400, { error: { type: "fixture_unsupported", reason: `${method} ${path}` }, status: 400 }]
  }

  const server = http.createServer((req, res) => {
    let raw = ""
    req.on("data", (d) => (raw += d))
    req.on("end", () => {
      const ndjson = String(req.headers["content-type"] ?? "").includes("ndjson")
      const body = !raw ? undefined : ndjson ? raw.split("\n").filter(Boolean).map((l) => JSON.parse(l)) : JSON.parse(raw)
      requests.push({ method: req.method!, path: req.url!, body })
      if (hang && req.url!.startsWith("/_msearch")) return // never answers: a stuck node
      const [status, payload] = handle(req.method!, req.url!, body)
      const text = typeof payload === "string" ? payload : JSON.stringify(payload)
      res.writeHead(status, { "content-type": "application/json", "x-elastic-product": "Elasticsearch" })
      res.end(req.method === "HEAD" ? undefined : text)
    })
  })
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    indices,
    hang: () => void (hang = true),
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()) }),
  }
}
