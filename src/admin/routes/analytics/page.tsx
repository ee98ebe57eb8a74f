import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { formatMinor, useDashboard, type DashboardData } from "../../components/analytics/api"
import { ColumnChart, HorizontalBars } from "../../components/analytics/charts"

const iso = (d: Date) => d.toISOString().slice(0, 10)
const daysAgo = (n: number) => iso(new Date(Date.now() - n * 86_400_000))

/** Every day of the range, so quiet days show as empty columns. */
function daysOf(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = new Date(`${from}T00:00:00Z`); iso(d) <= to && out.length < 400; d.setUTCDate(d.getUTCDate() + 1)) out.push(iso(d))
  return out
}

const STEP_LABELS: Record<string, string> = {
  "cart.created": "Cart created",
  "cart.line_added": "Item added",
  "checkout.started": "Checkout started",
  "checkout.completed": "Checkout completed",
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <div className="px-6 py-4"><Heading level="h2">{title}</Heading></div>
      <div className="px-6 py-4">{children}</div>
    </Container>
  )
}

function Charts({ data }: { data: DashboardData }) {
  const days = daysOf(data.range.from, data.range.to)
  const currencies = [...new Set(data.revenue.map((r) => r.currency))].sort()
  const orders = new Map(data.orders_per_day.map((o) => [o.day, o.orders]))
  const funnelTop = data.funnel[0]?.carts || 0
  return (
    <>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3" data-testid="analytics-kpis">
        {data.totals.length === 0 && <Container><Text>No orders in this range.</Text></Container>}
        {data.totals.map((t) => (
          <Container key={t.currency} data-testid={`kpi-${t.currency}`}>
            <Text size="small" className="text-ui-fg-subtle">Revenue ({t.currency.toUpperCase()})</Text>
            <Heading level="h2" data-testid={`kpi-${t.currency}-revenue`}>{formatMinor(t.revenue_minor, t.currency)}</Heading>
            <Text size="small">{t.orders} {t.orders === 1 ? "order" : "orders"} · AOV {formatMinor(t.aov_minor, t.currency)}</Text>
          </Container>
        ))}
      </div>
      {currencies.map((cur) => {
        const byDay = new Map(data.revenue.filter((r) => r.currency === cur).map((r) => [r.day, r.revenue_minor]))
        return (
          <Section key={cur} title={`Revenue per day (${cur.toUpperCase()})`} testId={`revenue-${cur}`}>
            <ColumnChart
              testId={`revenue-chart-${cur}`}
              bars={days.map((d) => ({ label: d.slice(5), value: byDay.get(d) ?? 0, title: `${d}: ${formatMinor(byDay.get(d) ?? 0, cur)}` }))}
            />
          </Section>
        )
      })}
      <Section title="Orders per day" testId="orders-per-day">
        <ColumnChart testId="orders-chart" bars={days.map((d) => ({ label: d.slice(5), value: orders.get(d) ?? 0, title: `${d}: ${orders.get(d) ?? 0} orders` }))} />
      </Section>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Section title="Top products (orders)" testId="top-products">
          <HorizontalBars testId="top-products-chart" empty="No orders yet." rows={data.top_products.map((p) => ({ label: p.title ?? p.product_id, value: p.orders, title: String(p.orders) }))} />
        </Section>
        <Section title="Checkout funnel (carts)" testId="funnel">
          <HorizontalBars
            testId="funnel-chart"
            empty="No carts yet."
            rows={data.funnel.map((s) => ({
              label: STEP_LABELS[s.step] ?? s.step,
              value: s.carts,
              title: funnelTop ? `${s.carts} · ${Math.round((s.carts / funnelTop) * 100)}%` : String(s.carts),
            }))}
          />
        </Section>
        <Section title="Top searches" testId="top-searches">
          <HorizontalBars testId="top-searches-chart" empty="No searches yet." rows={data.top_searches.map((s) => ({ label: s.query, value: s.count, title: String(s.count) }))} />
        </Section>
        <Section title="Searches with no results" testId="zero-result-searches">
          <HorizontalBars testId="zero-searches-chart" empty="None: every search found something." rows={data.zero_result_searches.map((s) => ({ label: s.query, value: s.count, title: String(s.count) }))} />
        </Section>
      </div>
      <Section title="By region" testId="regions">
        <Table>
          <Table.Header>
            <Table.Row><Table.HeaderCell>Region</Table.HeaderCell><Table.HeaderCell>Orders</Table.HeaderCell><Table.HeaderCell>Revenue</Table.HeaderCell><Table.HeaderCell>AOV</Table.HeaderCell></Table.Row>
          </Table.Header>
          <Table.Body>
            {data.regions.map((r) => (
              <Table.Row key={`${r.region_id}-${r.currency}`}>
                <Table.Cell>{r.region_name ?? (r.region_id || "—")}</Table.Cell>
                <Table.Cell>{r.orders}</Table.Cell>
                <Table.Cell>{formatMinor(r.revenue_minor, r.currency)}</Table.Cell>
                <Table.Cell>{formatMinor(r.aov_minor, r.currency)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Section>
    </>
  )
}

const AnalyticsPage = () => {
  const [range, setRange] = useState({ from: daysAgo(29), to: daysAgo(0) })
  const [draft, setDraft] = useState(range)
  const { data, isLoading, error } = useDashboard(range)
  const invalid = useMemo(() => !draft.from || !draft.to || draft.from > draft.to, [draft])
  const preset = (n: number) => {
    const next = { from: daysAgo(n - 1), to: daysAgo(0) }
    setDraft(next)
    setRange(next)
  }
  return (
    <div className="flex flex-col gap-y-4" data-testid="analytics-page">
      <Container className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Heading level="h1">Analytics</Heading>
          <Text size="small" className="text-ui-fg-subtle" data-testid="analytics-store">
            {data ? `Source: ${data.store === "elasticsearch" ? "Elasticsearch" : "PostgreSQL"}${data.rolled_up_through ? ` · rolled up through ${data.rolled_up_through}` : ""}` : " "}
          </Text>
        </div>
        <form
          className="flex flex-wrap items-end gap-2"
          data-testid="analytics-range"
          onSubmit={(e) => {
            e.preventDefault()
            if (!invalid) setRange(draft)
          }}
        >
          <div><Label size="small" htmlFor="analytics-from">From</Label><Input id="analytics-from" data-testid="analytics-from" type="date" size="small" value={draft.from} max={draft.to} onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></div>
          <div><Label size="small" htmlFor="analytics-to">To</Label><Input id="analytics-to" data-testid="analytics-to" type="date" size="small" value={draft.to} min={draft.from} onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></div>
          <Button size="small" type="submit" disabled={invalid} data-testid="analytics-apply">Apply</Button>
          <Button size="small" variant="secondary" type="button" onClick={() => preset(7)}>7 days</Button>
          <Button size="small" variant="secondary" type="button" onClick={() => preset(30)}>30 days</Button>
          <Button size="small" variant="secondary" type="button" onClick={() => preset(90)}>90 days</Button>
        </form>
      </Container>
      {isLoading && <Container><Text data-testid="analytics-loading">Loading…</Text></Container>}
      {error && <Container><Text className="text-ui-fg-error" data-testid="analytics-error">{(error as Error).message}</Text></Container>}
      {data && <Charts data={data} />}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Analytics", icon: ChartBar })

export default AnalyticsPage
