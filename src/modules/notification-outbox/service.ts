import type { Logger, NotificationTypes } from "@medusajs/framework/types"
import { AbstractNotificationProviderService } from "@medusajs/framework/utils"

/**
 * The `email` channel until a real e-mail provider (SES) is configured: the Notification Module
 * still stores every notification row (status, idempotency key, data), and this provider logs
 * only the template and resource, never the address or data (customer PII).
 * Unlike Medusa's notification-local, which logs `to` and the full data.
 */
export default class OutboxNotificationService extends AbstractNotificationProviderService {
  static identifier = "notification-outbox"
  private readonly logger: Logger

  constructor({ logger }: { logger: Logger }) {
    super()
    this.logger = logger
  }

  async send(n: NotificationTypes.ProviderSendNotificationDTO): Promise<NotificationTypes.ProviderSendNotificationResultsDTO> {
    this.logger.info(`notification-outbox: ${n.channel}/${n.template} recorded (no e-mail provider configured)`)
    return {}
  }
}
