import path from "path"
import { ulid } from "ulid"

/**
 * Storage keys and URLs, the same as Medusa's own S3 provider makes them, so files uploaded
 * before and after a switch look alike: `<prefix><folders/><name>-<ULID><ext>`.
 */

/** Forward slashes, no leading slash, no `.` or `..` segments. Empty when nothing usable is left. */
export function sanitizeFilePath(filePath: string): string {
  const clean = filePath.replace(/\\/g, "/").replace(/^\/+/, "")
  return path.posix
    .normalize(clean)
    .split("/")
    .filter((segment) => segment !== ".." && segment !== ".")
    .join("/")
}

/** A new key for an upload: the name keeps its folders and extension and gains a ULID. */
export function newFileKey(prefix: string, sanitizedPath: string, id: string = ulid()): string {
  const { dir, name, ext } = path.posix.parse(sanitizedPath)
  return `${prefix}${dir ? `${dir}/` : ""}${name}-${id}${ext}`
}

/** The CDN URL of a key: each segment percent-encoded, the slashes kept. */
export const cdnUrl = (fileUrl: string, key: string) => `${fileUrl}/${key.split("/").map(encodeURIComponent).join("/")}`

/**
 * The bytes of an upload's string `content`: base64 when it round-trips as base64, else UTF-8
 * for text types and binary (latin1) for the rest — Medusa's admin route sends images as
 * binary strings, and decoding those as UTF-8 would corrupt every byte above 127.
 */
export function decodeFileContent(content: string, mimeType?: string): Buffer {
  const base64 = Buffer.from(content, "base64")
  if (base64.toString("base64") === content) return base64
  const isText = !!mimeType && (mimeType.startsWith("text/") || /csv|json|xml/.test(mimeType))
  return Buffer.from(content, isText ? "utf8" : "binary")
}
