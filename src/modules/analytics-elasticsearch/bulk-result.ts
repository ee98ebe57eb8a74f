import type { BulkOutcome, EventDocument } from "./types"

type BulkItem = Record<string, { status: number; error?: { type?: string; reason?: string } } | undefined>

/**
 * Sorts the items of a `_bulk` response (same order as the request) into delivered, retry and
 * rejected. A 409 on a `create` means a previous attempt already stored this id: delivered.
 */
export function classifyBulkItems(docs: EventDocument[], items: BulkItem[]): BulkOutcome {
  const outcome: BulkOutcome = { delivered: [], retry: [], rejected: [] }
  docs.forEach((doc, i) => {
    const item = items[i] && (items[i].create ?? items[i].index)
    if (!item) {
      outcome.retry.push({ doc, error: "missing item in bulk response" })
      return
    }
    const { status, error } = item
    const reason = error ? `${error.type ?? "error"}: ${error.reason ?? ""}`.trim() : `status ${status}`
    if ((status >= 200 && status < 300) || status === 409) outcome.delivered.push(doc)
    else if (isTransient(status)) outcome.retry.push({ doc, error: reason })
    else outcome.rejected.push({ doc, error: reason })
  })
  return outcome
}

/** 404: no data stream/template yet (set-up not run): an operational state, not a bad document. */
export function isTransient(status: number | undefined): boolean {
  return status === undefined || status === 404 || status === 408 || status === 429 || status >= 500
}

/** NDJSON operations for `client.bulk`: `create` with our id, so a retry can never duplicate. */
export function bulkOperations(docs: EventDocument[], indexFor: (doc: EventDocument) => string): object[] {
  return docs.flatMap((doc) => [{ create: { _index: indexFor(doc), _id: doc.event_id } }, doc])
}

/** Exponential backoff with a cap, for the outbox drain while the cluster is down. */
export function backoffMs(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1))
}
