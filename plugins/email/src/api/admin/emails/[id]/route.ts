import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { EMAIL_LOG_MODULE, type EmailLogModuleService } from "../../../../modules/email-log"

/** One shop e-mail with its rendered copy (HTML, text, attachments) when the outbox kept one. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<EmailLogModuleService>(EMAIL_LOG_MODULE)
  const [email] = await service.listEmailMessages({ id: req.params.id }, { take: 1 })
  if (!email) throw new MedusaError(MedusaError.Types.NOT_FOUND, `E-mail ${req.params.id} not found`)
  res.json({ email })
}
