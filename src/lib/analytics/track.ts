import type { MedusaContainer } from "@medusajs/framework/types"
import type { TrackAnalyticsEventDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

type Tracker = { track(data: TrackAnalyticsEventDTO): Promise<void> }

/**
 * Hands an event to the Analytics Module without waiting for it and without ever throwing:
 * tracking must not slow down or break a shopper's request or a subscriber.
 * Does nothing when the module is not configured (ANALYTICS_DISABLED=true).
 */
export function trackEvent(container: Pick<MedusaContainer, "resolve">, data: TrackAnalyticsEventDTO): void {
  let analytics: Tracker | undefined
  try {
    analytics = container.resolve<Tracker>(Modules.ANALYTICS, { allowUnregistered: true })
  } catch {
    return
  }
  if (!analytics) return
  analytics.track(data).catch((e: Error) => {
    try {
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`analytics: could not track ${data.event}: ${e.message}`)
    } catch {}
  })
}
