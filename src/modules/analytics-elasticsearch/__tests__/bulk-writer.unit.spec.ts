import { Client } from "@elastic/elasticsearch"
import { createScratchDatabase } from "@indus/test-kit"
import { ElasticsearchFixture, ToggleProxy } from "../../../../integration-tests/fixtures/elasticsearch-fixture"
import { BulkWriter } from "../bulk-writer"
import { toEventDocument } from "../document"
import { PostgresOutbox } from "../outbox"
import type { EventDocument } from "../types"

/**
 * The bulk writer against an Elasticsearch node behind a switchable TCP proxy: the local fixture
 * by default, a real node when ELASTICSEARCH_URL is set (plain http, security off, as in
 * docker-compose.yml; the run uses its own prefix and removes what it created). Events must arrive exactly once
 * through outages, lost responses and (fixture only) per-item failures.
 */
const REAL_NODE = process.env.ELASTICSEARCH_URL
jest.setTimeout(60_000)

const quietLogger = { info: () => {}, warn: () => {}, error: () => {} }

describe(`analytics bulk writer (${REAL_NODE ? `real node ${REAL_NODE}` : "Elasticsearch fixture"})`, () => {
  let fixture: ElasticsearchFixture | undefined
  let proxy: ToggleProxy
  let proxyUrl: string
  let direct: Client
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>
  let prefix = "shop"
  const writers: BulkWriter[] = []

  beforeAll(async () => {
    if (!REAL_NODE) {
      // eslint-disable-next-line no-console
      console.warn("skipped: no Elasticsearch node (ELASTICSEARCH_URL unset) — running against the local _bulk fixture")
      fixture = new ElasticsearchFixture()
    }
    const target = new URL(REAL_NODE ?? (await fixture!.start()))
    proxy = new ToggleProxy({ host: target.hostname, port: Number(target.port || 9200) })
    proxyUrl = await proxy.start()
    direct = new Client({ node: target.origin })
    if (REAL_NODE) {
      prefix = `shoptest${Date.now()}`
      // data streams need their templates first
      const { applyElasticsearchSetup } = require("../../../../scripts/elasticsearch-setup")
      await applyElasticsearchSetup(direct, prefix)
    }
    scratch = await createScratchDatabase("analytics_es_writer")
  })

  afterAll(async () => {
    for (const w of writers) await w.close().catch(() => {})
    await proxy?.stop()
    if (REAL_NODE) {
      await direct.indices.deleteDataStream({ name: `${prefix}-*` }).catch(() => {})
      await direct.indices.deleteIndexTemplate({ name: `${prefix}-*` }).catch(() => {})
      for (const name of [`${prefix}-events`, `${prefix}-api-metrics`]) await direct.ilm.deleteLifecycle({ name }).catch(() => {})
    }
    await direct?.close()
    await fixture?.stop()
    await scratch?.drop()
  })

  async function makeWriter(table: string) {
    const client = new Client({ node: proxyUrl, maxRetries: 0, requestTimeout: 3000 })
    const outbox = new PostgresOutbox(scratch.db, table)
    const writer = new BulkWriter(client, outbox, quietLogger, {
      dataStreamPrefix: prefix,
      batchSize: 50,
      flushIntervalMs: 10_000,
      maxBuffer: 10_000,
      drainIntervalMs: 10,
      maxBackoffMs: 20,
    })
    writers.push(writer)
    return { writer, outbox }
  }

  function events(n: number, tag: string): EventDocument[] {
    return Array.from({ length: n }, (_, i) =>
      toEventDocument({ event: "order.placed", actor_id: `cus_${i}`, properties: { order_id: `order_${tag}_${i}`, value_minor: 1000 + i, currency: "inr" } })
    )
  }

  async function storedIds(): Promise<string[]> {
    if (fixture) return fixture.all(`${prefix}-events`).map((d) => d.event_id as string)
    await direct.indices.refresh({ index: `${prefix}-events` })
    const res = await direct.search<EventDocument>({ index: `${prefix}-events`, size: 10_000, query: { match_all: {} } })
    return res.hits.hits.map((h) => h._source!.event_id)
  }

  async function drainUntilEmpty(writer: BulkWriter, outbox: PostgresOutbox) {
    for (let i = 0; i < 100; i++) {
      await writer.drainOnce()
      if ((await outbox.counts()).pending === 0) return
      await new Promise((r) => setTimeout(r, 30))
    }
    throw new Error(`outbox still holds ${(await outbox.counts()).pending} event(s)`)
  }

  const expectExactlyOnce = (stored: string[], sent: EventDocument[]) => {
    const ids = new Set(sent.map((d) => d.event_id))
    const mine = stored.filter((id) => ids.has(id))
    expect(mine.length).toBe(ids.size)
    expect(new Set(mine).size).toBe(ids.size)
  }

  it("an outage: events wait in the PostgreSQL outbox and arrive exactly once when the node returns", async () => {
    const { writer, outbox } = await makeWriter("outbox_outage")
    const before = events(120, "before")
    proxy.setDown(true)
    const t0 = Date.now()
    before.forEach((d) => writer.enqueue(d))
    expect(Date.now() - t0).toBeLessThan(50) // enqueue never waits on the network
    await writer.flush()
    expect((await outbox.counts()).pending).toBe(120)
    expect(writer.healthy).toBe(false)

    const during = events(30, "during")
    during.forEach((d) => writer.enqueue(d))
    await writer.flush()
    await writer.drainOnce() // still down: nothing delivered, nothing dropped
    expect((await outbox.counts()).pending).toBe(150)

    proxy.setDown(false)
    const after = events(20, "after")
    after.forEach((d) => writer.enqueue(d))
    await writer.flush()
    await drainUntilEmpty(writer, outbox)

    expectExactlyOnce(await storedIds(), [...before, ...during, ...after])
    expect(await outbox.counts()).toEqual({ pending: 0, rejected: 0 })
    expect(writer.healthy).toBe(true)
  })

  it("a bulk request that was applied but whose answer was lost is retried without duplicates", async () => {
    const { writer, outbox } = await makeWriter("outbox_lost_answer")
    const sent = events(50, "lost")
    proxy.cutResponses = 1
    sent.forEach((d) => writer.enqueue(d))
    await writer.flush()
    expect((await outbox.counts()).pending).toBe(50) // the writer could not know they arrived
    await drainUntilEmpty(writer, outbox) // the retry gets 409 per item: already stored
    expectExactlyOnce(await storedIds(), sent)
    expect(await outbox.counts()).toEqual({ pending: 0, rejected: 0 }) // a 409 is delivered, not refused
  })

  it("events written before the index templates exist wait (require_data_stream) and land once set-up has run", async () => {
    if (!fixture) {
      // eslint-disable-next-line no-console
      console.warn("skipped: the templates are already applied on the real node")
      return
    }
    const { writer, outbox } = await makeWriter("outbox_no_template")
    const sent = events(10, "early")
    fixture.enforceTemplates = true
    try {
      sent.forEach((d) => writer.enqueue(d))
      await writer.flush()
      expect(await outbox.counts()).toEqual({ pending: 10, rejected: 0 })
      expect(fixture.all(`${prefix}-events`).filter((d) => sent.some((s) => s.event_id === d.event_id))).toEqual([])
      const { applyElasticsearchSetup } = require("../../../../scripts/elasticsearch-setup")
      await applyElasticsearchSetup(direct, prefix)
      await drainUntilEmpty(writer, outbox)
      expectExactlyOnce(await storedIds(), sent)
    } finally {
      fixture.enforceTemplates = false
    }
  })

  it("per-item failures in a 200 _bulk answer: 429s are retried, a mapping error is kept aside", async () => {
    if (!fixture) {
      // eslint-disable-next-line no-console
      console.warn("skipped: per-item _bulk failures can only be provoked on the fixture, not on a real node")
      return
    }
    const { writer, outbox } = await makeWriter("outbox_partial")
    const sent = events(60, "partial")
    const poison = toEventDocument({ event: "order.placed", properties: { order_id: "order_poison", value_minor: "not a number" } })
    fixture.failItem = (doc, attempt) => {
      const props = doc.properties as Record<string, unknown>
      if (props.order_id === "order_poison")
        return { status: 400, type: "document_parsing_exception", reason: "[1:120] failed to parse field [properties.value_minor] of type [long]" }
      const n = Number(String(props.order_id).split("_").pop())
      if (n % 3 === 0 && attempt < 3) return { status: 429, type: "es_rejected_execution_exception", reason: "rejected execution of coordinating operation" }
      return null
    }
    try {
      ;[...sent, poison].forEach((d) => writer.enqueue(d))
      await writer.flush()
      expect((await outbox.counts())).toEqual({ pending: 20, rejected: 1 })
      await drainUntilEmpty(writer, outbox)
      const stored = await storedIds()
      expectExactlyOnce(stored, sent)
      expect(stored).not.toContain(poison.event_id)
      const kept = await scratch.db("outbox_partial").where({ id: poison.event_id }).first()
      expect(kept.status).toBe("rejected")
      expect(kept.last_error).toMatch(/document_parsing_exception/)
    } finally {
      fixture.failItem = () => null
    }
  })
})
