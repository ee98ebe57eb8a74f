import { timingSafeEqual, createHash } from "crypto"

const digest = (s: string) => createHash("sha256").update(s).digest()

/** Bearer-token check for /metrics in constant time. No token configured means the endpoint is off. */
export function metricsAuthorized(header: string | undefined, token: string | undefined): "ok" | "disabled" | "denied" {
  if (!token) return "disabled"
  const match = /^Bearer\s+(.+)$/i.exec(header ?? "")
  if (!match) return "denied"
  return timingSafeEqual(digest(match[1].trim()), digest(token)) ? "ok" : "denied"
}
