import type { EmailAttachment } from "./types"

const CSP = `<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; form-action 'none'">`

/**
 * The HTML for the sandboxed preview iframe: inline images (`cid:<id>`) become data URLs from the
 * kept attachments, and a CSP forbids scripts on top of the iframe's own sandbox.
 */
export function previewDocument(html: string, attachments: EmailAttachment[] | null | undefined): string {
  const byCid = new Map((attachments ?? []).filter((a) => a.id && a.content).map((a) => [a.id!, `data:${a.content_type};base64,${a.content}`]))
  const withImages = html.replace(/(["'(])cid:([^"')\s]+)/g, (whole, open: string, cid: string) => {
    const url = byCid.get(cid)
    return url ? `${open}${url}` : whole
  })
  return /<head[^>]*>/i.test(withImages) ? withImages.replace(/<head[^>]*>/i, (h) => `${h}${CSP}`) : `${CSP}${withImages}`
}

export const formatBytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`)
