import { createElement } from "react"
import { render } from "@react-email/render"
import type { RenderedEmail } from "@indus/email"
import { shopConfig, type ShopConfig } from "./shop"
import type { EmailTemplate } from "./types"
import abandonedCart from "./templates/abandoned-cart"
import codConfirmation from "./templates/cod-confirmation"
import customerWelcome from "./templates/customer-welcome"
import deliveryCreated from "./templates/delivery-created"
import orderCanceled from "./templates/order-canceled"
import orderPlaced from "./templates/order-placed"
import passwordReset from "./templates/password-reset"
import paymentCaptured from "./templates/payment-captured"
import paymentRefunded from "./templates/payment-refunded"
import shipmentCreated from "./templates/shipment-created"
import staffInvite from "./templates/staff-invite"
import upiInstructions from "./templates/upi-instructions"

/** Every shop e-mail by template name (the `template` of its notification row). */
export const templates = {
  "order-placed": orderPlaced,
  "upi-instructions": upiInstructions,
  "cod-confirmation": codConfirmation,
  "payment-captured": paymentCaptured,
  "shipment-created": shipmentCreated,
  "delivery-created": deliveryCreated,
  "payment-refunded": paymentRefunded,
  "order-canceled": orderCanceled,
  "customer-welcome": customerWelcome,
  "password-reset": passwordReset,
  "staff-invite": staffInvite,
  "abandoned-cart": abandonedCart,
}

export type TemplateName = keyof typeof templates
export type TemplateData<T extends TemplateName> = (typeof templates)[T] extends EmailTemplate<infer D> ? D : never

/** Renders one message to subject, HTML, plain text and attachments. */
export async function renderEmail<T extends TemplateName>(name: T, data: TemplateData<T>, shop: ShopConfig = shopConfig()): Promise<RenderedEmail> {
  const template = templates[name] as unknown as EmailTemplate<TemplateData<T>>
  if (!template) throw new Error(`unknown e-mail template ${name}`)
  const element = createElement(template.Body, { data, shop })
  const [html, text, attachments] = await Promise.all([
    render(element),
    render(element, { plainText: true }),
    template.attachments ? template.attachments(data) : Promise.resolve(undefined),
  ])
  return { subject: template.subject(data, shop), html, text, ...(attachments?.length ? { attachments } : {}) }
}

export { shopConfig, type ShopConfig } from "./shop"
