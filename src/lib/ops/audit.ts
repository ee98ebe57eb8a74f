import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { redact } from "@indus/observability"

const AUDIT_LOG_MODULE = "audit_log" // src/modules/audit-log
const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"])
const MAX_BODY_CHARS = 16_000
const MAX_IDS = 20

type AuditedRequest = MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string } }

export const isAudited = (method: string, path: string) => MUTATIONS.has(method) && path.startsWith("/admin/")

/** Path parameters by the matched template; the error handler resets req.params, the template and path stay. */
export function paramsFromTemplate(template: string, path: string): Record<string, string> {
  const t = template.split("/")
  const p = path.split("/")
  const out: Record<string, string> = {}
  if (t.length !== p.length) return out
  t.forEach((seg, i) => {
    if (seg.startsWith(":") && p[i]) out[seg.slice(1).replace(/\?$/, "")] = decodeURIComponent(p[i])
  })
  return out
}

/** Ids the request touched: route params first (the updated entity), then ids in the response (created ones). */
export function entityIdsOf(params: Record<string, unknown> | undefined, responseBody: unknown): string[] {
  const ids: string[] = []
  const add = (v: unknown) => typeof v === "string" && v && !ids.includes(v) && ids.length < MAX_IDS && ids.push(v)
  for (const v of Object.values(params ?? {})) add(v)
  if (responseBody && typeof responseBody === "object") {
    const body = responseBody as Record<string, unknown>
    add(body.id)
    for (const v of Object.values(body)) {
      if (v && typeof v === "object" && !Array.isArray(v)) add((v as Record<string, unknown>).id)
    }
  }
  return ids
}

export function auditBody(body: unknown): unknown {
  if (body === undefined || body === null || Buffer.isBuffer(body)) return null
  const clean = redact(body)
  const text = JSON.stringify(clean) ?? ""
  return text.length > MAX_BODY_CHARS ? { _truncated: true, _chars: text.length } : clean
}

/**
 * Hooks one admin mutation: remembers the JSON it answers with, and once the response is finished
 * writes who/what/outcome to the audit log. The write never delays or fails the request itself.
 */
export function auditMutation(req: AuditedRequest, res: MedusaResponse, routeOf: () => string) {
  let responseBody: unknown
  const json = res.json.bind(res)
  res.json = (body: unknown) => {
    responseBody = body
    return json(body)
  }
  res.once("finish", () => {
    const route = routeOf()
    const path = req.originalUrl.split("?")[0]
    const entityIds = entityIdsOf({ ...paramsFromTemplate(route, path), ...req.params }, responseBody)
    const entry = {
      actor_id: req.auth_context?.actor_id ?? null,
      actor_type: req.auth_context?.actor_type ?? null,
      method: req.method,
      route,
      path,
      entity_id: entityIds[0] ?? null,
      entity_ids: entityIds,
      status_code: res.statusCode,
      outcome: res.statusCode < 400 ? ("success" as const) : ("failure" as const),
      ip: req.ip ?? null,
      request_id: req.requestId ?? null,
      body: auditBody(req.body) as Record<string, unknown> | null,
    }
    let service: { createAuditLogEntries: (e: Record<string, unknown>) => Promise<unknown> } | undefined
    try {
      service = req.scope.resolve(AUDIT_LOG_MODULE) as unknown as typeof service
    } catch {
      return // module not registered
    }
    service!.createAuditLogEntries(entry).catch((e: Error) => {
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`audit log write failed for ${entry.method} ${entry.route}`, e)
    })
  })
}
