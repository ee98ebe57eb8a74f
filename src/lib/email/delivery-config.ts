/**
 * Which provider serves the `email` channel, from env, for medusa-config.ts. SES when SES_REGION
 * and EMAIL_FROM are set; otherwise the local outbox (rendered copies kept for the admin
 * "E-mails" page). `summary` is the one start-up line naming the path (never a secret or key).
 */
type Env = Record<string, string | undefined>
export type EmailProviderEntry = { resolve: string; id: string; options: Record<string, unknown> }

export const SES_PROVIDER_ID = "ses"
export const OUTBOX_PROVIDER_ID = "outbox"

export function emailDeliveryFromEnv(env: Env): { provider: EmailProviderEntry; path: "ses" | "outbox"; summary: string } {
  const region = env.SES_REGION?.trim()
  const from = env.EMAIL_FROM?.trim()
  if (region && from) {
    const keyId = env.SES_ACCESS_KEY_ID?.trim()
    const secret = env.SES_SECRET_ACCESS_KEY?.trim()
    const maxAttempts = env.SES_MAX_ATTEMPTS ? Number(env.SES_MAX_ATTEMPTS) : undefined
    const options: Record<string, unknown> = {
      channels: ["email"],
      region,
      from,
      ...(env.EMAIL_REPLY_TO?.trim() ? { reply_to: env.EMAIL_REPLY_TO.trim() } : {}),
      ...(env.SES_CONFIGURATION_SET?.trim() ? { configuration_set: env.SES_CONFIGURATION_SET.trim() } : {}),
      ...(env.SES_ENDPOINT?.trim() ? { endpoint: env.SES_ENDPOINT.trim() } : {}),
      ...(keyId && secret ? { credentials: { access_key_id: keyId, secret_access_key: secret } } : {}),
      // an invalid number is passed through so the provider's validateOptions names it at start-up
      ...(maxAttempts !== undefined ? { max_attempts: maxAttempts } : {}),
    }
    const parts = [
      `region ${region}`,
      options.configuration_set ? `configuration set ${options.configuration_set}` : "no configuration set",
      keyId && secret ? "static keys" : "default AWS credential chain",
      ...(options.endpoint ? [`endpoint ${options.endpoint}`] : []),
    ]
    return {
      provider: { resolve: "@indus/email/providers/ses", id: SES_PROVIDER_ID, options },
      path: "ses",
      summary: `E-mail: Amazon SES (${parts.join(", ")})`,
    }
  }
  const missing = [!region && "SES_REGION", !from && "EMAIL_FROM"].filter(Boolean).join(" and ")
  return {
    provider: { resolve: "@indus/email/providers/outbox", id: OUTBOX_PROVIDER_ID, options: { channels: ["email"] } },
    path: "outbox",
    summary: `E-mail: local outbox, nothing leaves the server (${missing} not set); staff read messages in the admin under E-mails`,
  }
}
