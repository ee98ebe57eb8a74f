import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Kept private files: documents staff imported or the shop produced that must stay readable
 * later but never reach the CDN (with the s3-cloudfront provider they land under
 * `private_prefix`; on local disk under Medusa's upload folder). They work with any File
 * Module provider.
 */

export type KeptFile = {
  /** Folder and name, e.g. "reconciliation/upi-statement.csv"; the provider adds a unique suffix. */
  filename: string
  mimeType: string
  /** Text is stored as UTF-8. */
  content: string | Buffer
}

/** Stores `file` with private access and answers its id (the storage key). */
export async function keepPrivateFile(container: MedusaContainer, file: KeptFile): Promise<string> {
  const bytes = typeof file.content === "string" ? Buffer.from(file.content, "utf8") : file.content
  const { id } = await container.resolve(Modules.FILE).createFiles({
    filename: file.filename,
    mimeType: file.mimeType,
    // Base64, so no provider has to guess the encoding of the text.
    content: bytes.toString("base64"),
    access: "private",
  })
  return id
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * Whether `id` names a file kept in `folder` with extension `ext`, whatever storage prefix is in
 * front (`private/reconciliation/x.csv` on S3, `reconciliation/private-…-x.csv` on disk), with
 * no `..` segment. Check it before serving an id that came from a request.
 */
export function isKeptFileId(id: string, folder: string, ext: string): boolean {
  const shape = new RegExp(`^(?:[\\w.-]+/)*${escape(folder)}/[\\w.-]+${escape(ext)}$`)
  return shape.test(id) && !id.split("/").includes("..")
}

/** A fresh URL for a stored file: presigned and short-lived on S3, the served path on local disk. */
export async function privateFileUrl(container: MedusaContainer, id: string): Promise<string> {
  const { url } = await container.resolve(Modules.FILE).retrieveFile(id)
  return url
}
