import { answeringConflicts } from "../../../../lib/payments/offline/errors"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { importCodRemittance, REMITTANCE_COLUMNS } from "../../../../lib/payments/offline/cod"
import { parseCsv } from "../../../../lib/payments/offline/csv"
import { keepReconciliationCsv, reconciliationDownloadPath } from "../../../../lib/files/reconciliation-files"
import type { CsvImportBody } from "../../../offline-payments-validators"

/** Courier remittance CSV reconciled against the cash captured on COD orders. */
export const POST = answeringConflicts(async (req: AuthenticatedMedusaRequest<CsvImportBody>, res: MedusaResponse) => {
  // A file that is not a remittance at all is refused (400) before anything is kept.
  parseCsv(req.validatedBody.csv, REMITTANCE_COLUMNS)
  // Kept before importing (private file), so every decision of this import can name it.
  const fileId = await keepReconciliationCsv(req.scope, "cod-remittance", req.validatedBody.csv)
  const rows = await importCodRemittance(req.scope, req.validatedBody.csv, req.auth_context.actor_id, fileId)
  res.json({ matched: rows.filter((r) => r.outcome === "matched").length, rows, file: { id: fileId, download_path: reconciliationDownloadPath(fileId) } })
})
