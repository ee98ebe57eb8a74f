import type { ReactElement } from "react"
import type { EmailAttachment } from "@indus/email"
import type { ShopConfig } from "./shop"

/** The data @indus/email's subscribers give the templates (amounts as exact decimal strings). */
export type { AddressData, Money, OrderLine, OrderSummary } from "@indus/email"

export type TemplateProps<D> = { data: D; shop: ShopConfig }

/** One message: its subject, its body, and any attachments (e.g. an inline QR image). */
export type EmailTemplate<D> = {
  subject: (data: D, shop: ShopConfig) => string
  Body: (props: TemplateProps<D>) => ReactElement
  attachments?: (data: D) => Promise<EmailAttachment[]>
}

export const defineTemplate = <D,>(t: EmailTemplate<D>) => t
