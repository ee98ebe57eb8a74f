import { answeringConflicts } from "../../../../lib/payments/offline/errors"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { importBankStatement, STATEMENT_COLUMNS } from "../../../../lib/payments/offline/statement"
import { parseCsv } from "../../../../lib/payments/offline/csv"
import { keepReconciliationCsv, reconciliationDownloadPath } from "../../../../lib/files/reconciliation-files"
import type { CsvImportBody } from "../../../offline-payments-validators"

/** Bank statement CSV: matching credits approve their orders, the rest come back for review. */
export const POST = answeringConflicts(async (req: AuthenticatedMedusaRequest<CsvImportBody>, res: MedusaResponse) => {
  // A file that is not a statement at all is refused (400) before anything is kept.
  parseCsv(req.validatedBody.csv, STATEMENT_COLUMNS)
  // Kept before importing (private file), so every decision of this import can name it.
  const fileId = await keepReconciliationCsv(req.scope, "upi-statement", req.validatedBody.csv)
  const rows = await importBankStatement(req.scope, req.validatedBody.csv, req.auth_context.actor_id, fileId)
  res.json({ approved: rows.filter((r) => r.outcome === "approved").length, rows, file: { id: fileId, download_path: reconciliationDownloadPath(fileId) } })
})
