import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reconciliationFileUrl } from "../../../../lib/files/reconciliation-files"

/**
 * A kept UPI-statement or COD-remittance CSV (id URL-encoded, as the import answered it):
 * redirects to a short-lived URL; `?format=json` answers `{ url }` instead.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const url = await reconciliationFileUrl(req.scope, req.params.id)
  res.setHeader("Cache-Control", "no-store")
  if (req.query.format === "json") return res.json({ url })
  res.redirect(302, url)
}
