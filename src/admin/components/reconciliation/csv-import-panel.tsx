import { formatMoney } from "@indus/money"
import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useRef, useState } from "react"
import { sdk } from "../../lib/sdk"

/** One result row as the import routes return it (statement rows carry `utr`, remittance rows `order`). */
export type ImportRow = {
  line: number
  amount: string
  outcome: string
  utr?: string
  order?: string
  order_id?: string
  expected?: string
  reason?: string
}

type Props = {
  testId: string
  title: string
  description: string
  endpoint: string
  /** Which column identifies the row: the UTR (statement) or the order reference (remittance). */
  refColumn: { key: "utr" | "order"; label: string }
  /** Outcome that means "done, nothing to do"; anything else but `malformed` is listed for review. */
  doneOutcome: string
  doneTitle: string
}

// The routes accept up to 2 MB of JSON; keep the file clearly under it.
const MAX_BYTES = 1_900_000

export const CsvImportPanel = ({ testId, title, description, endpoint, refColumn, doneOutcome, doneTitle }: Props) => {
  const input = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [rows, setRows] = useState<ImportRow[] | null>(null)
  const [kept, setKept] = useState<string | null>(null)

  const upload = async () => {
    setError(null)
    setRows(null)
    setKept(null)
    if (!file) return setError("Choose a CSV file first.")
    if (file.size === 0) return setError(`${file.name} is empty.`)
    if (file.size > MAX_BYTES) return setError(`${file.name} is too large (at most 1.9 MB per import); split it into several files.`)
    setBusy(true)
    try {
      const csv = await file.text()
      if (csv.includes("\u0000")) throw new Error(`${file.name} is not a text CSV file.`)
      const res = await sdk.client.fetch<{ rows: ImportRow[]; file?: { download_path: string } }>(endpoint, { method: "POST", body: { csv } })
      setRows(res.rows)
      setKept(res.file?.download_path ?? null)
    } catch (e) {
      setError((e as Error).message || "The import failed.")
    } finally {
      setBusy(false)
    }
  }

  const done = rows?.filter((r) => r.outcome === doneOutcome) ?? []
  const malformed = rows?.filter((r) => r.outcome === "malformed") ?? []
  const review = rows?.filter((r) => r.outcome !== doneOutcome && r.outcome !== "malformed") ?? []

  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <div className="px-6 py-4">
        <Heading level="h2">{title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      </div>
      <div className="flex flex-wrap items-center gap-3 px-6 py-4">
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          className="txt-compact-small text-ui-fg-subtle"
          data-testid={`${testId}-file`}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null)
            setError(null)
            setRows(null)
          }}
        />
        <Button size="small" onClick={upload} isLoading={busy} disabled={!file} data-testid={`${testId}-upload`}>
          Import
        </Button>
      </div>
      {error && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-error" data-testid={`${testId}-error`}>
            {error}
          </Text>
        </div>
      )}
      {rows && (
        <div className="flex flex-col gap-4 px-6 py-4" data-testid={`${testId}-result`}>
          <Text size="small" data-testid={`${testId}-summary`}>
            {rows.length} rows: {done.length} {doneTitle.toLowerCase()}, {review.length} for review, {malformed.length} malformed
          </Text>
          {kept && (
            // The session cookie authenticates the link; the route redirects to a short-lived URL.
            <a href={`${backendBase}${kept}`} target="_blank" rel="noreferrer" className="txt-compact-small text-ui-fg-interactive" data-testid={`${testId}-kept-file`}>
              Download the imported file
            </a>
          )}
          <ResultTable testId={`${testId}-done`} title={doneTitle} rows={done} refColumn={refColumn} color="green" />
          <ResultTable testId={`${testId}-review`} title="For review" rows={review} refColumn={refColumn} color="orange" />
          <ResultTable testId={`${testId}-malformed`} title="Malformed" rows={malformed} refColumn={refColumn} color="red" />
        </div>
      )}
    </Container>
  )
}

const backendBase = ((import.meta as unknown as { env: Record<string, string | undefined> }).env.VITE_BACKEND_URL || "").replace(/\/+$/, "")

// The admin's base path (`/app` by default) is whatever precedes this page's own segment.
const orderHref = (orderId: string) => `${window.location.pathname.replace(/\/reconciliation\/?$/, "")}/orders/${orderId}`

type TableProps = { testId: string; title: string; rows: ImportRow[]; refColumn: Props["refColumn"]; color: "green" | "orange" | "red" }

const ResultTable = ({ testId, title, rows, refColumn, color }: TableProps) => {
  if (!rows.length) return null
  return (
    <div data-testid={testId}>
      <Text size="small" weight="plus" className="mb-2">
        {title} ({rows.length})
      </Text>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Line</Table.HeaderCell>
            <Table.HeaderCell>{refColumn.label}</Table.HeaderCell>
            <Table.HeaderCell>Amount (₹)</Table.HeaderCell>
            <Table.HeaderCell>Outcome</Table.HeaderCell>
            <Table.HeaderCell>Order found</Table.HeaderCell>
            <Table.HeaderCell>Reason</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.line} data-testid={`${testId}-row`}>
              <Table.Cell>{r.line}</Table.Cell>
              <Table.Cell>{r[refColumn.key] || "—"}</Table.Cell>
              <Table.Cell>{r.amount || "—"}</Table.Cell>
              <Table.Cell>
                <Badge size="2xsmall" color={color}>
                  {r.outcome}
                </Badge>
              </Table.Cell>
              <Table.Cell>{r.order_id ? <a className="text-ui-fg-interactive" href={orderHref(r.order_id)}>{r.order_id}</a> : "—"}</Table.Cell>
              <Table.Cell>{r.reason ?? (r.expected ? `collected ${formatMoney(r.expected, "inr")}` : "")}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}
