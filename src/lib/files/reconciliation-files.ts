import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export type ReconciliationKind = "upi-statement" | "cod-remittance"

/** Keys of kept reconciliation CSVs: `<private prefix>reconciliation/<kind>-<id>.csv` on S3, `reconciliation/private-<ts>-<kind>.csv` on disk. */
const RECONCILIATION_KEY = /^(?:[\w.-]+\/)*reconciliation\/[\w.-]+\.csv$/

export const isReconciliationFileId = (id: string) => RECONCILIATION_KEY.test(id) && !id.split("/").includes("..")

/** Staff download link (the admin route answers with a short-lived URL). */
export const reconciliationDownloadPath = (id: string) => `/admin/reconciliation-files/${encodeURIComponent(id)}`

/**
 * Keeps an imported CSV as a private file (never on the CDN), so what staff imported can be
 * checked later. Returns the file id (the storage key).
 */
export async function keepReconciliationCsv(container: MedusaContainer, kind: ReconciliationKind, csv: string): Promise<string> {
  const files = container.resolve(Modules.FILE)
  const { id } = await files.createFiles({
    filename: `reconciliation/${kind}.csv`,
    mimeType: "text/csv",
    // Base64, so the providers never have to guess the encoding of the text.
    content: Buffer.from(csv, "utf8").toString("base64"),
    access: "private",
  })
  return id
}

/** A fresh URL for a kept reconciliation CSV: presigned on S3 (S3_DOWNLOAD_URL_TTL), the /static URL on local disk. */
export async function reconciliationFileUrl(container: MedusaContainer, id: string): Promise<string> {
  if (!isReconciliationFileId(id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No such reconciliation file")
  const files = container.resolve(Modules.FILE)
  const { url } = await files.retrieveFile(id)
  return url
}
