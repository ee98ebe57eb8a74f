import type { Logger, NotificationTypes } from "@medusajs/framework/types"
import { AbstractNotificationProviderService } from "@medusajs/framework/utils"

/**
 * The `email` channel when no real e-mail provider is configured: nothing leaves the server. The
 * Notification Module still stores every notification row (status, idempotency key, data), and
 * `sendShopEmail` (src/lib/send.ts) keeps the rendered copy in the e-mail log, which staff read in
 * the admin under "E-mails". A provider cannot resolve other modules, which is why the copy is
 * written there and not here.
 *
 * Logs only the template, never the address, subject or data (customer PII), unlike Medusa's
 * notification-local, which logs `to` and the full data.
 */
export default class OutboxNotificationService extends AbstractNotificationProviderService {
  static identifier = "notification-outbox"
  private readonly logger: Logger

  constructor({ logger }: { logger: Logger }) {
    super()
    this.logger = logger
  }

  async send(n: NotificationTypes.ProviderSendNotificationDTO): Promise<NotificationTypes.ProviderSendNotificationResultsDTO> {
    this.logger.info(`notification-outbox: ${n.channel}/${n.template} kept in the local outbox (no e-mail provider configured)`)
    return {}
  }
}
