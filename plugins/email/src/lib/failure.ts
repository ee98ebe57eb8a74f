import { parseSesFailure, redactAddresses } from "../providers/ses/errors"

export type EmailFailure = { code: string; kind: string; message: string }

/**
 * Why a send failed, from the error createNotifications threw ("Failed to send notification with
 * id …:\n<provider message>"): the SES provider's code and kind when it was SES, else the
 * provider's message. Addresses are redacted either way; this ends up in logs and the admin.
 */
export function describeEmailFailure(error: unknown): EmailFailure {
  const raw = String((error as Error)?.message ?? error ?? "")
  const ses = parseSesFailure(raw)
  if (ses) return ses
  const message = redactAddresses(raw.replace(/^Failed to send notification with id \S+:\s*/, "").trim()).slice(0, 500) || "unknown error"
  return { code: "SendFailed", kind: "unknown", message }
}
