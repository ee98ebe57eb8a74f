import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Envelope } from "@medusajs/icons"
import { Button, Container, Heading, Input, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useNavigate } from "react-router-dom"
import { sdk } from "../../lib/sdk"
import { EmailStatusBadge } from "../../components/emails/status-badge"
import type { EmailMessage } from "../../components/emails/types"
import { OffsetPagination } from "../../components/offset-pagination"

type Filters = { status: string; template: string; q: string }
type ListResponse = { emails: EmailMessage[]; count: number }

const PAGE = 20
const EMPTY: Filters = { status: "", template: "", q: "" }

/** Every e-mail the shop sent (SES) or kept (local outbox), newest first, with failures and their reason. */
const EmailsPage = () => {
  const navigate = useNavigate()
  const [draft, setDraft] = useState<Filters>(EMPTY)
  const [filters, setFilters] = useState<Filters>(EMPTY)
  const [offset, setOffset] = useState(0)
  const [data, setData] = useState<ListResponse | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const query: Record<string, string | number> = { limit: PAGE, offset }
    for (const [k, v] of Object.entries(filters)) if (v.trim()) query[k] = v.trim()
    setError(null)
    sdk.client
      .fetch<ListResponse>("/admin/emails", { query })
      .then(setData)
      .catch((e: Error) => setError(e.message))
  }, [filters, offset])

  const field = (key: keyof Filters) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
  })
  const select = "bg-ui-bg-field shadow-borders-base txt-compact-small h-8 rounded-md px-2"

  return (
    <Container className="divide-y p-0" data-testid="emails-page">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">E-mails</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Messages sent through Amazon SES, or kept in the local outbox when SES is not configured.
          </Text>
        </div>
        <Text size="small" className="text-ui-fg-subtle" data-testid="emails-count">
          {data ? `${data.count} e-mails` : "loading"}
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
        <Input size="small" placeholder="Recipient or subject" {...field("q")} data-testid="emails-filter-q" />
        <Input size="small" placeholder="Template, e.g. order-placed" {...field("template")} data-testid="emails-filter-template" />
        <select className={select} {...field("status")} data-testid="emails-filter-status">
          <option value="">Any status</option>
          <option value="sent">Sent</option>
          <option value="outbox">In outbox</option>
          <option value="failed">Failed</option>
        </select>
        <Button size="small" type="submit" data-testid="emails-filter-apply">
          Filter
        </Button>
      </form>
      {error && (
        <Text className="text-ui-fg-error px-6 py-4" data-testid="emails-error">
          {error}
        </Text>
      )}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>When</Table.HeaderCell>
            <Table.HeaderCell>Template</Table.HeaderCell>
            <Table.HeaderCell>Recipient</Table.HeaderCell>
            <Table.HeaderCell>Subject</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.emails ?? []).map((m) => (
            <Table.Row key={m.id} className="cursor-pointer" onClick={() => navigate(`/emails/${m.id}`)} data-testid="email-row">
              <Table.Cell>{new Date(m.created_at).toLocaleString()}</Table.Cell>
              <Table.Cell>{m.template}</Table.Cell>
              <Table.Cell>{m.to}</Table.Cell>
              <Table.Cell className="max-w-[360px] truncate" title={m.subject}>
                {m.subject}
              </Table.Cell>
              <Table.Cell>
                <div className="flex flex-col items-start gap-y-1">
                  <EmailStatusBadge status={m.status} />
                  {m.status === "failed" && (
                    <Text size="xsmall" className="text-ui-fg-error" data-testid="email-row-error">
                      {m.error_code}: {m.error_message}
                    </Text>
                  )}
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {data && !data.emails.length && (
        <Text className="text-ui-fg-subtle px-6 py-6" data-testid="emails-empty">
          No e-mails yet.
        </Text>
      )}
      <OffsetPagination count={data?.count ?? 0} offset={offset} pageSize={PAGE} onOffsetChange={setOffset} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "E-mails", icon: Envelope })

export default EmailsPage
