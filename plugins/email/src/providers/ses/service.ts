import { SendEmailCommand, SESv2Client } from "@aws-sdk/client-sesv2"
import type { Logger, NotificationTypes } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import { classifySesError, SesSendError } from "./errors"
import { DEFAULT_MAX_ATTEMPTS, sesOptionProblems } from "./options"
import { buildSendEmailInput, SesRequestError } from "./request"
import type { SesNotificationOptions } from "./types"

/**
 * Shop e-mail through Amazon SES (API v2, SendEmail with Simple content and attachments).
 * It throws on every failure, so the Notification Module marks the row `failure` and a later
 * createNotifications with the same idempotency key sends it again. Throttling and 5xx are
 * retried inside the SDK (standard retry mode, exponential backoff with jitter).
 * Logs carry the template, the error code and SES's message with addresses redacted; never the recipient.
 */
export default class SesNotificationService extends AbstractNotificationProviderService {
  static identifier = "notification-ses"
  private readonly client: SESv2Client
  private readonly logger: Logger

  static validateOptions(options: Record<string, unknown>): void {
    const problems = sesOptionProblems(options as Partial<SesNotificationOptions>)
    if (problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `notification-ses: ${problems.join("; ")}`)
  }

  constructor({ logger }: { logger: Logger }, private readonly options: SesNotificationOptions) {
    super()
    this.logger = logger
    const c = options.credentials
    this.client = new SESv2Client({
      region: options.region,
      endpoint: options.endpoint,
      maxAttempts: options.max_attempts ?? DEFAULT_MAX_ATTEMPTS,
      retryMode: "standard",
      credentials: c ? { accessKeyId: c.access_key_id, secretAccessKey: c.secret_access_key, sessionToken: c.session_token } : undefined,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 20_000 },
    })
  }

  async send(n: NotificationTypes.ProviderSendNotificationDTO): Promise<NotificationTypes.ProviderSendNotificationResultsDTO> {
    let input
    try {
      input = buildSendEmailInput(n, this.options)
    } catch (e) {
      if (e instanceof SesRequestError) throw new SesSendError({ kind: "permanent", code: "InvalidNotification", message: e.message })
      throw e
    }
    try {
      const out = await this.client.send(new SendEmailCommand(input))
      return { id: out.MessageId }
    } catch (e) {
      const classified = classifySesError(e)
      const attempts = (e as { $metadata?: { attempts?: number } }).$metadata?.attempts
      this.logger.warn(
        `notification-ses: ${n.template} not sent: ${classified.code} (${classified.kind}${attempts ? `, ${attempts} attempts` : ""}): ${classified.message}`
      )
      throw new SesSendError(classified)
    }
  }
}
