import type { MedusaContainer } from "@medusajs/framework/types"
import { formatMinor } from "@indus/money"
import { isUtr, rupeesToPaise } from "../../../modules/payment-upi/helpers"
import { parseCsv } from "./csv"
import { isDecisionError } from "./errors"
import { offlinePayments } from "./orders"
import { approveUpi } from "./upi"

export const STATEMENT_COLUMNS = ["utr", "amount"]

export type StatementRow = { line: number; utr: string; amount: string; outcome: "approved" | "review" | "malformed"; order_id?: string; reason?: string }

/**
 * Bank statement import (columns `utr`, `amount`; others ignored): a credit whose UTR a shopper
 * submitted and whose amount matches approves that order; everything else is listed for staff.
 * `fileId`, the kept CSV (src/lib/files/reconciliation-files.ts), is named in each decision's reason.
 */
export async function importBankStatement(container: MedusaContainer, csv: string, staffId: string, fileId?: string): Promise<StatementRow[]> {
  const rows = parseCsv(csv, STATEMENT_COLUMNS)
  const service = offlinePayments(container)
  const out: StatementRow[] = []
  for (const { line, row } of rows) {
    const base = { line, utr: row.utr ?? "", amount: row.amount ?? "" }
    const paise = rupeesToPaise(row.amount)
    if (!isUtr(row.utr) || paise === null) {
      out.push({ ...base, outcome: "malformed", reason: !isUtr(row.utr) ? "UTR is not 12 digits" : "amount is not a rupee amount" })
      continue
    }
    const [transfer] = await service.listUpiTransfers({ utr: row.utr })
    if (!transfer) {
      out.push({ ...base, outcome: "review", reason: "no order has reported this UTR" })
      continue
    }
    if (transfer.status !== "submitted") {
      out.push({ ...base, outcome: "review", order_id: transfer.order_id ?? undefined, reason: `the order's UTR is already ${transfer.status}` })
      continue
    }
    if (paise !== transfer.amount_paise) {
      out.push({ ...base, outcome: "review", order_id: transfer.order_id ?? undefined, reason: `amount ${formatMinor(paise, "inr")} differs from the order amount ${formatMinor(transfer.amount_paise, "inr")}` })
      continue
    }
    try {
      await approveUpi(container, transfer.order_id!, { amount: row.amount, actor: { id: staffId, source: "statement" }, reason: `bank statement line ${line}${fileId ? ` (file ${fileId})` : ""}` })
      out.push({ ...base, outcome: "approved", order_id: transfer.order_id ?? undefined })
    } catch (e) {
      if (!isDecisionError(e)) throw e
      out.push({ ...base, outcome: "review", order_id: transfer.order_id ?? undefined, reason: (e as Error).message })
    }
  }
  return out
}
