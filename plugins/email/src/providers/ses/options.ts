import type { SesNotificationOptions } from "./types"

export const DEFAULT_MAX_ATTEMPTS = 4
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/

/** `shop@example.com` or `Name <shop@example.com>`, the forms SES accepts for a sender. */
export function isMailbox(value: unknown): value is string {
  if (typeof value !== "string") return false
  const m = value.trim().match(/^(?:"?[^"<>]*"?\s*)<([^<>]+)>$/)
  return ADDRESS.test(m ? m[1] : value.trim())
}

/** Problems with the options, one sentence each; empty when they are usable. */
export function sesOptionProblems(o: Partial<SesNotificationOptions> | undefined): string[] {
  const problems: string[] = []
  if (!o || typeof o.region !== "string" || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(o.region)) problems.push("`region` must be an AWS region like ap-south-1")
  if (!isMailbox(o?.from)) problems.push("`from` must be an address like shop@example.com or \"Shop\" <shop@example.com>")
  if (o?.reply_to !== undefined && !isMailbox(o.reply_to)) problems.push("`reply_to` must be an e-mail address")
  if (o?.configuration_set !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(o.configuration_set)) {
    problems.push("`configuration_set` must be 1-64 letters, digits, _ or -")
  }
  if (o?.endpoint !== undefined) {
    try {
      new URL(o.endpoint)
    } catch {
      problems.push("`endpoint` must be a URL")
    }
  }
  const c = o?.credentials
  if (c !== undefined && (!c?.access_key_id || !c?.secret_access_key)) problems.push("`credentials` needs access_key_id and secret_access_key")
  const m = o?.max_attempts
  if (m !== undefined && (!Number.isInteger(m) || m < 1 || m > 10)) problems.push("`max_attempts` must be a whole number from 1 to 10")
  return problems
}
