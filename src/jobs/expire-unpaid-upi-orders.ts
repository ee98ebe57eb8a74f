import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { instrumentJob } from "@indus/observability"
import { expireUnpaidUpiOrders } from "../lib/payments/offline/upi"
import { appConfig } from "../config"

/** Every 5 minutes: UPI orders unpaid for UPI_EXPIRY_MINUTES (no UTR reported) are canceled, releasing stock. */
export default instrumentJob("expire-unpaid-upi-orders", async (container: MedusaContainer) => {
  const minutes = appConfig().payments.upiExpiryMinutes
  const expired = await expireUnpaidUpiOrders(container, minutes)
  if (expired.length) container.resolve(ContainerRegistrationKeys.LOGGER).info(`upi: canceled ${expired.length} unpaid order(s) past ${minutes} min`)
})

export const config = { name: "expire-unpaid-upi-orders", schedule: "*/5 * * * *" }
