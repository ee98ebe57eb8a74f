/**
 * Masks secrets and customer PII before anything is written to a log line or stored in the audit log.
 * Keys are matched by name (whatever the value); free text is scanned for e-mails, bearer tokens,
 * JWTs, card numbers and phone numbers.
 */
export const REDACTED = "[REDACTED]"

const SENSITIVE_KEY =
  /(authorization|cookie|password|passwd|secret|token|api[-_]?key|session|card|cvv|cvc|iban|account_number|email|phone|otp|signature)/i

const PATTERNS: [RegExp, string][] = [
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, `Bearer ${REDACTED}`],
  [/\bBasic\s+[A-Za-z0-9+/=]{8,}/gi, `Basic ${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED], // JWT
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, "[email]"],
  [/\b(?:\d[ -]?){12,18}\d\b/g, "[card]"],
  [/\+\d[\d ()-]{8,16}\d/g, "[phone]"],
  [/\b[6-9]\d{9}\b/g, "[phone]"], // Indian mobile without country code
]

export function maskText(text: string): string {
  let out = text
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement)
  return out
}

export const isSensitiveKey = (key: string) => SENSITIVE_KEY.test(key)

/** A deep copy with sensitive keys replaced and strings masked. Cycles and depth are bounded. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return maskText(value)
  if (value === null || typeof value !== "object") return value
  if (value instanceof Date) return value
  // An Error's message and stack are not enumerable: keep them, masked.
  if (value instanceof Error) return { name: value.name, message: maskText(value.message), stack: maskText(value.stack ?? "") }
  if (seen.has(value as object) || depth > 8) return "[…]"
  seen.add(value as object)
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1, seen))
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    out[key] = isSensitiveKey(key) && v !== null && v !== undefined && v !== "" ? REDACTED : redact(v, depth + 1, seen)
  }
  return out
}
