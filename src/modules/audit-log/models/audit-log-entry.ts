import { model } from "@medusajs/framework/utils"

/** One staff mutation through /admin, written after the response is sent. */
export const AuditLogEntry = model
  .define("audit_log_entry", {
    id: model.id({ prefix: "audit" }).primaryKey(),
    actor_id: model.text().nullable(),
    actor_type: model.text().nullable(),
    method: model.text(),
    route: model.text(),
    path: model.text(),
    entity_id: model.text().nullable(),
    entity_ids: model.json().nullable(),
    status_code: model.number(),
    outcome: model.enum(["success", "failure"]),
    ip: model.text().nullable(),
    request_id: model.text().nullable(),
    body: model.json().nullable(),
  })
  .indexes([
    { on: ["created_at"] },
    { on: ["actor_id", "created_at"] },
    { on: ["entity_id"] },
  ])
