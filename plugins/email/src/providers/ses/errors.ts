/**
 * How an SES error is handled. `throttled` and `transient` are retried by the SDK (standard
 * retry mode, with backoff) before they reach us; `permanent` would fail the same way again
 * until someone fixes the account, the identity or the message.
 */
export type SesErrorKind = "throttled" | "transient" | "permanent"

export type ClassifiedSesError = { kind: SesErrorKind; code: string; message: string }

const THROTTLED = new Set(["TooManyRequestsException", "LimitExceededException", "Throttling", "ThrottlingException"])
const PERMANENT = new Set([
  "MessageRejected",
  "MailFromDomainNotVerifiedException",
  "AccountSuspendedException",
  "SendingPausedException",
  "BadRequestException",
  "NotFoundException",
  "AccessDeniedException",
])

/** SES puts identities (sender, and in the sandbox the recipient) into its messages: never log or store them. */
export function redactAddresses(message: string): string {
  return message.replace(/[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+/g, "<address>")
}

export function classifySesError(error: unknown): ClassifiedSesError {
  const e = (error ?? {}) as { name?: string; message?: string; $metadata?: { httpStatusCode?: number }; code?: string }
  const code = String(e.name && e.name !== "Error" ? e.name : e.code ?? "UnknownError")
  const status = e.$metadata?.httpStatusCode
  const message = redactAddresses(String(e.message ?? "").trim()).slice(0, 500) || "no message"
  let kind: SesErrorKind
  if (THROTTLED.has(code) || status === 429) kind = "throttled"
  else if (PERMANENT.has(code) || (status !== undefined && status >= 400 && status < 500)) kind = "permanent"
  else kind = "transient"
  return { kind, code, message }
}

/**
 * What the provider throws. Medusa wraps it as "Failed to send notification with id …:\n<message>",
 * so the message starts with a marker `[ses:<Code>:<kind>]` that readers of the failure can parse.
 */
export class SesSendError extends Error {
  constructor(readonly classified: ClassifiedSesError) {
    super(`[ses:${classified.code}:${classified.kind}] SES did not send the e-mail: ${classified.message}`)
    this.name = "SesSendError"
  }
}

/** Reads the marker back from an error message (e.g. Medusa's wrapped one). */
export function parseSesFailure(message: string): ClassifiedSesError | undefined {
  const m = message.match(/\[ses:([A-Za-z0-9_.-]+):(throttled|transient|permanent)\] SES did not send the e-mail: ([\s\S]*)$/)
  return m ? { code: m[1], kind: m[2] as SesErrorKind, message: m[3].trim() } : undefined
}
