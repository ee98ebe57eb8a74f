import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { sdk } from "../../lib/sdk"
import { OffsetPagination } from "../../components/offset-pagination"

type AuditLogEntry = {
  id: string
  created_at: string
  actor_id: string | null
  method: string
  route: string
  path: string
  entity_id: string | null
  status_code: number
  outcome: "success" | "failure"
  ip: string | null
  request_id: string | null
}
type Filters = { actor_id: string; entity_id: string; method: string; outcome: string }

const PAGE = 20
const EMPTY: Filters = { actor_id: "", entity_id: "", method: "", outcome: "" }

const AuditLogPage = () => {
  const [draft, setDraft] = useState<Filters>(EMPTY)
  const [filters, setFilters] = useState<Filters>(EMPTY)
  const [offset, setOffset] = useState(0)
  const [data, setData] = useState<{ audit_logs: AuditLogEntry[]; count: number } | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const query: Record<string, string | number> = { limit: PAGE, offset }
    for (const [k, v] of Object.entries(filters)) if (v) query[k] = v
    setError(null)
    sdk.client
      .fetch<{ audit_logs: AuditLogEntry[]; count: number }>("/admin/audit-logs", { query })
      .then(setData)
      .catch((e: Error) => setError(e.message))
  }, [filters, offset])

  const field = (key: keyof Filters) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
  })
  const select = "bg-ui-bg-field shadow-borders-base txt-compact-small h-8 rounded-md px-2"

  return (
    <Container className="divide-y p-0" data-testid="audit-log-page">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h1">Audit log</Heading>
        <Text size="small" className="text-ui-fg-subtle" data-testid="audit-log-count">
          {data ? `${data.count} entries` : "loading"}
        </Text>
      </div>
      <form
        className="flex flex-wrap items-center gap-2 px-6 py-4"
        onSubmit={(e) => {
          e.preventDefault()
          setOffset(0)
          setFilters(draft)
        }}
      >
        <Input size="small" placeholder="Staff user id" {...field("actor_id")} data-testid="audit-filter-actor" />
        <Input size="small" placeholder="Entity id" {...field("entity_id")} data-testid="audit-filter-entity" />
        <select className={select} {...field("method")} data-testid="audit-filter-method">
          <option value="">Any method</option>
          {["POST", "PUT", "PATCH", "DELETE"].map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        <select className={select} {...field("outcome")} data-testid="audit-filter-outcome">
          <option value="">Any outcome</option>
          <option value="success">success</option>
          <option value="failure">failure</option>
        </select>
        <Button size="small" type="submit" data-testid="audit-filter-apply">
          Filter
        </Button>
      </form>
      {error && (
        <Text className="text-ui-fg-error px-6 py-4" data-testid="audit-log-error">
          {error}
        </Text>
      )}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>When</Table.HeaderCell>
            <Table.HeaderCell>Staff user</Table.HeaderCell>
            <Table.HeaderCell>Request</Table.HeaderCell>
            <Table.HeaderCell>Entity</Table.HeaderCell>
            <Table.HeaderCell>Outcome</Table.HeaderCell>
            <Table.HeaderCell>IP / request id</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.audit_logs ?? []).map((entry) => (
            <Table.Row key={entry.id} data-testid="audit-log-row">
              <Table.Cell>{new Date(entry.created_at).toLocaleString()}</Table.Cell>
              <Table.Cell>{entry.actor_id ?? "-"}</Table.Cell>
              <Table.Cell title={entry.path}>
                {entry.method} {entry.route}
              </Table.Cell>
              <Table.Cell>{entry.entity_id ?? "-"}</Table.Cell>
              <Table.Cell>
                <Badge size="2xsmall" color={entry.outcome === "success" ? "green" : "red"}>
                  {entry.status_code} {entry.outcome}
                </Badge>
              </Table.Cell>
              <Table.Cell className="text-ui-fg-subtle">
                {entry.ip ?? "-"} / {entry.request_id ?? "-"}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <OffsetPagination count={data?.count ?? 0} offset={offset} pageSize={PAGE} onOffsetChange={setOffset} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Audit log", icon: DocumentText })

export default AuditLogPage
