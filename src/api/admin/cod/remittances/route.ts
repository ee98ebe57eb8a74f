import { answeringConflicts } from "../../../../lib/payments/offline/errors"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { importCodRemittance } from "../../../../lib/payments/offline/cod"
import type { CsvImportBody } from "../../../offline-payments-validators"

/** Courier remittance CSV reconciled against the cash captured on COD orders. */
export const POST = answeringConflicts(async (req: AuthenticatedMedusaRequest<CsvImportBody>, res: MedusaResponse) => {
  const rows = await importCodRemittance(req.scope, req.validatedBody.csv, req.auth_context.actor_id)
  res.json({ matched: rows.filter((r) => r.outcome === "matched").length, rows })
})
