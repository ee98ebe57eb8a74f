import { createHash } from "crypto"

/** Strong ETag of a response body. */
export function etagFor(body: Buffer | string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`
}

/** RFC 9110 If-None-Match with weak comparison: `*`, a list, W/ prefixes. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false
  const bare = etag.replace(/^W\//, "")
  return header.split(",").some((candidate) => {
    const c = candidate.trim()
    return c === "*" || c.replace(/^W\//, "") === bare
  })
}
