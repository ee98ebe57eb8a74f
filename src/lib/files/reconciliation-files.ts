import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { isKeptFileId, keepPrivateFile, privateFileUrl } from "@indus/files/private-files"

export type ReconciliationKind = "upi-statement" | "cod-remittance"

/** Kept reconciliation CSVs: `<private prefix>reconciliation/<kind>-<id>.csv` on S3, `reconciliation/private-<ts>-<kind>.csv` on disk. */
export const isReconciliationFileId = (id: string) => isKeptFileId(id, "reconciliation", ".csv")

/** Staff download link (the admin route answers with a short-lived URL). */
export const reconciliationDownloadPath = (id: string) => `/admin/reconciliation-files/${encodeURIComponent(id)}`

/**
 * Keeps an imported CSV as a private file (never on the CDN), so what staff imported can be
 * checked later. Returns the file id (the storage key).
 */
export const keepReconciliationCsv = (container: MedusaContainer, kind: ReconciliationKind, csv: string): Promise<string> =>
  keepPrivateFile(container, { filename: `reconciliation/${kind}.csv`, mimeType: "text/csv", content: csv })

/** A fresh URL for a kept reconciliation CSV: presigned on S3 (S3_DOWNLOAD_URL_TTL), the /static URL on local disk. */
export async function reconciliationFileUrl(container: MedusaContainer, id: string): Promise<string> {
  if (!isReconciliationFileId(id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No such reconciliation file")
  return privateFileUrl(container, id)
}
