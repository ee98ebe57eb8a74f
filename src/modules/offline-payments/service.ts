import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import { UpiTransfer } from "./models/upi-transfer"
import { PaymentDecision } from "./models/payment-decision"

class OfflinePaymentsModuleService extends MedusaService({ UpiTransfer, PaymentDecision }) {}

export function isUniqueViolation(e: unknown): boolean {
  const err = e as { type?: string; code?: string; message?: string }
  return err?.type === MedusaError.Types.DUPLICATE_ERROR || err?.code === "23505" || /already exists|duplicate key/i.test(err?.message ?? "")
}

export default OfflinePaymentsModuleService
