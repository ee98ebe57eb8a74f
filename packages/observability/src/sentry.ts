import { maskText, redact } from "./redact"

type SentryModule = typeof import("@sentry/node")
let sentry: SentryModule | undefined

/** True once Sentry is initialised (only when SENTRY_DSN is set). */
export const sentryEnabled = () => !!sentry

/**
 * Drops what could identify a customer: user, cookies, headers, query strings and request bodies
 * go; messages and breadcrumbs are masked (e-mails, phones, cards, tokens).
 */
export function scrubEvent(event: Record<string, any>): Record<string, any> {
  delete event.user
  if (event.request) {
    event.request = { method: event.request.method, url: typeof event.request.url === "string" ? event.request.url.split("?")[0] : undefined }
  }
  if (typeof event.message === "string") event.message = maskText(event.message)
  for (const ex of event.exception?.values ?? []) {
    if (typeof ex.value === "string") ex.value = maskText(ex.value)
    // Local variables can hold customer data; source context lines are masked like log lines.
    for (const frame of ex.stacktrace?.frames ?? []) {
      delete frame.vars
      if (typeof frame.context_line === "string") frame.context_line = maskText(frame.context_line)
      for (const k of ["pre_context", "post_context"]) if (Array.isArray(frame[k])) frame[k] = frame[k].map((l: string) => maskText(l))
    }
  }
  if (event.breadcrumbs) event.breadcrumbs = event.breadcrumbs.map((b: any) => ({ ...b, message: b.message ? maskText(b.message) : b.message, data: undefined }))
  if (event.extra) event.extra = redact(event.extra)
  return event
}

/** Initialises @sentry/node when SENTRY_DSN is set; called from instrumentation.ts register(). */
export function initSentry(env: Record<string, string | undefined> = process.env): boolean {
  if (!env.SENTRY_DSN || sentry) return !!sentry
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mod: SentryModule = require("@sentry/node")
  mod.init({
    dsn: env.SENTRY_DSN,
    environment: env.SENTRY_ENVIRONMENT || env.NODE_ENV,
    sendDefaultPii: false,
    includeLocalVariables: false,
    tracesSampleRate: 0,
    beforeSend: (event) => scrubEvent(event as any) as typeof event,
  })
  sentry = mod
  return true
}

export function captureToSentry(err: unknown, tags: Record<string, string | undefined>) {
  if (!sentry) return
  sentry.withScope((scope) => {
    for (const [k, v] of Object.entries(tags)) if (v) scope.setTag(k, v)
    sentry!.captureException(err)
  })
}

/**
 * Every error line Medusa's logger writes (failed subscribers, workflow steps, jobs, 5xx answers),
 * and every warning that carries an error stack (a subscriber failing on the Redis event bus),
 * also goes to Sentry, already masked by the JSON log format and carrying its request id.
 */
export function installSentryLogTransport(target: unknown = require("@medusajs/framework/logger").logger): boolean {
  const instance = (target as { loggerInstance_?: { add: (t: unknown) => void } }).loggerInstance_
  if (!sentry || !instance) return false
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const Transport: new (opts: { level: string }) => object = require("winston-transport")
  class SentryTransport extends Transport {
    log(info: Record<string, any>, done: () => void) {
      // Medusa's Redis event bus logs a failed subscriber at warn, with the error's stack.
      if (info.level === "error" || (info.level === "warn" && typeof info.stack === "string")) {
        const err = new Error(String(info.message ?? "error"))
        if (typeof info.stack === "string") err.stack = info.stack
        captureToSentry(err, { request_id: info.request_id, source: info.source ?? "log", source_name: info.source_name })
      }
      done()
    }
  }
  instance.add(new SentryTransport({ level: "warn" }))
  return true
}
