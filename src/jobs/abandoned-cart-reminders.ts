import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { scheduledJob } from "@indus/observability"
import { appConfig, readAppConfig } from "../config"
import { reminderKey, ABANDONED_CARTS_SQL } from "../lib/jobs/abandoned-carts"
import { renderEmail } from "../emails"
import { sendShopEmail } from "@indus/email"

/**
 * One reminder per abandoned cart through the Notification Module (channel `email`, template
 * `abandoned-cart`, rendered from src/emails). The idempotency key makes a second run, or a second
 * process, a no-op; the cart is read again right before sending so a cart completed meanwhile gets nothing.
 */
export async function sendAbandonedCartReminders(container: MedusaContainer, now = new Date()) {
  const settings = appConfig().jobs.abandonedCarts
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const idleBefore = new Date(now.getTime() - settings.idleMinutes * 60_000)
  const notOlderThan = new Date(now.getTime() - settings.maxAgeHours * 3_600_000)
  const { rows } = await db.raw(ABANDONED_CARTS_SQL, [idleBefore, notOlderThan, settings.batchSize])
  let sent = 0
  for (const { id } of rows as { id: string }[]) {
    const { data: [cart] } = await query.graph({
      entity: "cart",
      fields: ["id", "email", "completed_at", "currency_code", "items.title", "items.quantity", "items.product_id", "items.thumbnail"],
      filters: { id },
    })
    if (!cart || cart.completed_at || !cart.email || !cart.items?.length) continue
    const data = {
      cart_id: cart.id,
      currency_code: cart.currency_code,
      items: cart.items.map((i: any) => ({ title: i.title, quantity: i.quantity, product_id: i.product_id, thumbnail: i.thumbnail })),
    }
    const rendered = await renderEmail("abandoned-cart", data)
    const row = await sendShopEmail(container, {
      to: cart.email,
      template: "abandoned-cart",
      idempotency_key: reminderKey(cart.id),
      resource_id: cart.id,
      resource_type: "cart",
      trigger_type: "job.abandoned-cart-reminders",
      data,
    }, rendered)
    if (row) sent++
  }
  return { candidates: rows.length, sent }
}

export default scheduledJob("abandoned-cart-reminders", async (container, { logger }) => {
  const r = await sendAbandonedCartReminders(container)
  logger.info(`job abandoned-cart-reminders: ${r.sent} reminder(s) sent of ${r.candidates} candidate cart(s)`)
})

export const config = {
  name: "abandoned-cart-reminders",
  schedule: readAppConfig().jobs.abandonedCarts.cron,
}
