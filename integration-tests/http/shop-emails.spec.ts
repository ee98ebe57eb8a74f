import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import jsQR from "jsqr"
import { PNG } from "pngjs"
import { seedDemo, type SeedResult } from "../helpers/seed"
import { findVariant, headers } from "../helpers/store"
import { ADMIN, adminAuth } from "../helpers/admin"
import { cartReadyForPayment, completeCart, eventually, startPaymentSession } from "../helpers/checkout"
import { SesFixture, type SesSentEmail } from "@indus/test-kit"
import emailOrderPlaced from "@indus/email/subscribers/email-order-placed"
import { useAppEnv } from "../helpers/app-env"

jest.setTimeout(300 * 1000)

const ses = new SesFixture()
const env: Record<string, string> = {
  SES_REGION: "us-east-1",
  EMAIL_FROM: "shop@example.com",
  SES_ENDPOINT: "set once the fixture listens",
  SES_ACCESS_KEY_ID: "x",
  SES_SECRET_ACCESS_KEY: "y",
  SHOP_NAME: "Jaipur Looms",
  STOREFRONT_URL: "https://shop.example.com",
  UPI_VPA: "demoshop@okaxis",
  UPI_PAYEE_NAME: "Demo Shop",
  COD_FEE: "49",
  RATE_LIMIT: "off",
}
useAppEnv(env, {
  start: async () => {
    await ses.start()
    env.SES_ENDPOINT = ses.url
  },
  stop: () => ses.stop(),
})

const paise = (amount: number | string) => Math.round(Number(amount) * 100)
const subject = (m: SesSentEmail) => String(m.body.Content.Simple.Subject.Data)
const text = (m: SesSentEmail) => String(m.body.Content.Simple.Body.Text.Data)
const html = (m: SesSentEmail) => String(m.body.Content.Simple.Body.Html.Data)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

medusaIntegrationTestRunner({
  inApp: true,
  env,
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      seed = await seedDemo(getContainer())
    })
    beforeEach(async () => {
      admin = await adminAuth(api, getContainer())
    })

    const store = () => headers(seed.publishable_key)

    /** A placed INR order for `email`, paid with `provider`. */
    async function placeOrder(email: string, provider: string, handle: string, quantity: number) {
      const region = seed.region_ids.in
      const { variant } = await findVariant(api, seed.publishable_key, handle, region)
      const ready = await cartReadyForPayment(api, seed.publishable_key, {
        regionId: region,
        items: [{ variant_id: variant.id, quantity }],
        shippingOptionName: "Standard Delivery",
      })
      await api.post(`/store/carts/${ready.cart.id}`, { email }, store())
      const session = await startPaymentSession(api, seed.publishable_key, ready.paymentCollectionId, provider)
      const done = await completeCart(api, seed.publishable_key, ready.cart.id)
      expect(done.data.type).toBe("order")
      return { order: done.data.order, session }
    }

    it("a placed INR order sends exactly one confirmation with Indian-grouped totals, even when order.placed is delivered again", async () => {
      // 13 × ₹8,999 Pashmina Shawl + ₹99 standard delivery
      const { order } = await placeOrder("big-spender@example.com", "pp_system_default", "pashmina-shawl", 13)
      expect(paise(order.total)).toBe(13 * 899900 + 9900)
      const [mail] = await eventually(async () => {
        const m = ses.to("big-spender@example.com", `order #${order.display_id} confirmed`)
        return m.length ? m : null
      })
      expect(subject(mail)).toBe(`Jaipur Looms: order #${order.display_id} confirmed`)
      expect(text(mail)).toMatch(/13 × Pashmina Shawl.* @ ₹8,999\.00\s+₹1,16,987\.00/)
      expect(text(mail)).toMatch(/Shipping \(Standard Delivery\)\s+₹99\.00/)
      expect(text(mail)).toMatch(/Total\s+₹1,17,086\.00/)
      const tax = new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR" }).format(paise(order.tax_total) / 100)
      expect(text(mail)).toContain(`Includes taxes of\n${tax}`)
      expect(text(mail)).toContain("Bengaluru")
      expect(html(mail)).toContain("₹1,17,086.00")

      // the event again through the bus, and the subscriber once more by hand (as a retry would run it)
      const container = getContainer()
      await container.resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: order.id } })
      await emailOrderPlaced({ event: { name: "order.placed", data: { id: order.id } }, container } as any)
      await sleep(2000)
      expect(ses.to("big-spender@example.com")).toHaveLength(1)
      const rows = await container.resolve(Modules.NOTIFICATION).listNotifications({ resource_id: order.id, channel: "email" })
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ status: "success", template: "order-placed", idempotency_key: `order-placed:${order.id}`, external_id: mail.messageId })

      // staff capture, then refund part: one mail each, in the order's currency
      const { data: { order: withPayments } } = await api.get(`/admin/orders/${order.id}?fields=id,*payment_collections.payments`, admin)
      const payment = withPayments.payment_collections[0].payments[0]
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      const [captured] = await eventually(async () => {
        const m = ses.to("big-spender@example.com", "payment received")
        return m.length ? m : null
      })
      expect(text(captured)).toContain(`₹1,17,086.00 for order #${order.display_id}`)
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 12345.5 }, admin)
      const [refund] = await eventually(async () => {
        const m = ses.to("big-spender@example.com", "refund of ₹12,345.50")
        return m.length ? m : null
      })
      expect(text(refund)).toContain(`order #${order.display_id}`)
    })

    it("a UPI order's mail carries the payment QR (inline) and intent link for the order's amount", async () => {
      const { order, session } = await placeOrder("upi-payer@example.com", "pp_upi_upi", "organic-crew-tee", 2)
      const [mail] = await eventually(async () => {
        const m = ses.to("upi-payer@example.com", "by UPI")
        return m.length ? m : null
      })
      const amount = `${Math.floor(paise(order.total) / 100)}.${String(paise(order.total) % 100).padStart(2, "0")}`
      expect(amount).toBe("1697.00")
      expect(subject(mail)).toBe(`Jaipur Looms: pay ₹1,697.00 by UPI for order #${order.display_id}`)
      const attachments = mail.body.Content.Simple.Attachments
      expect(attachments).toHaveLength(1)
      expect(attachments[0]).toMatchObject({ FileName: "upi-qr.png", ContentType: "image/png", ContentDisposition: "INLINE", ContentId: "upi-qr" })
      expect(html(mail)).toContain('src="cid:upi-qr"')
      const png = PNG.sync.read(Buffer.from(attachments[0].RawContent, "base64"))
      const intent = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data
      expect(intent).toBe(session.data.upi_uri)
      expect(new URL(intent!).searchParams.get("am")).toBe(amount)
      expect(new URL(intent!).searchParams.get("pa")).toBe("demoshop@okaxis")
      expect(text(mail)).toContain(session.data.upi_uri)
      // a UPI shopper gets these instructions instead of the plain confirmation
      expect(ses.to("upi-payer@example.com")).toHaveLength(1)

      // cancelled (e.g. never paid): one cancellation mail
      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      const [canceled] = await eventually(async () => {
        const m = ses.to("upi-payer@example.com", "was cancelled")
        return m.length ? m : null
      })
      expect(text(canceled)).toContain("₹1,697.00")
    })

    it("a COD order's confirmation states the amount due with the fee; shipping and delivery each mail once", async () => {
      const { order } = await placeOrder("cod-buyer@example.com", "pp_cod_cod", "organic-crew-tee", 1)
      expect(paise(order.total)).toBe(79900 + 9900 + 4900)
      const [mail] = await eventually(async () => {
        const m = ses.to("cod-buyer@example.com", "cash on delivery")
        return m.length ? m : null
      })
      expect(text(mail)).toContain("Please have ₹947.00 ready")
      expect(text(mail)).toContain("cash-on-delivery fee of ₹49.00")
      expect(text(mail)).toMatch(/1 × Cash on delivery fee @ ₹49\.00\s+₹49\.00/)
      expect(ses.to("cod-buyer@example.com")).toHaveLength(1)

      const line = order.items.find((i: { title: string }) => i.title !== "Cash on delivery fee")
      await api.post(`/admin/orders/${order.id}/fulfillments`, { items: [{ id: line.id, quantity: 1 }] }, admin)
      const { data: { order: withF } } = await api.get(`/admin/orders/${order.id}?fields=id,*fulfillments`, admin)
      const fulfillmentId = withF.fulfillments[0].id
      await api.post(
        `/admin/orders/${order.id}/fulfillments/${fulfillmentId}/shipments`,
        { items: [{ id: line.id, quantity: 1 }], labels: [{ tracking_number: "EK123456789IN", tracking_url: "https://track.example.com/EK123456789IN", label_url: "https://track.example.com/label.pdf" }] },
        admin
      )
      const [shipped] = await eventually(async () => {
        const m = ses.to("cod-buyer@example.com", "has shipped")
        return m.length ? m : null
      })
      expect(text(shipped)).toContain("1 × Organic Cotton Crew Tee (S / White)")
      expect(text(shipped)).toContain("EK123456789IN")
      expect(html(shipped)).toContain('href="https://track.example.com/EK123456789IN"')
      await api.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, admin)
      await eventually(async () => ses.to("cod-buyer@example.com", "was delivered").length === 1)
      await sleep(1000)
      expect(ses.to("cod-buyer@example.com").map(subject).sort()).toEqual([
        `Jaipur Looms: order #${order.display_id} confirmed (cash on delivery)`,
        `Jaipur Looms: order #${order.display_id} has shipped`,
        `Jaipur Looms: order #${order.display_id} was delivered`,
      ])
    })

    it("an order with no_notification gets no cancellation mail", async () => {
      const quiet = await placeOrder("quiet@example.com", "pp_system_default", "organic-crew-tee", 1)
      const loud = await placeOrder("loud@example.com", "pp_system_default", "organic-crew-tee", 1)
      await eventually(async () => ses.to("quiet@example.com", "confirmed").length === 1)
      await getContainer().resolve(Modules.ORDER).updateOrders(quiet.order.id, { no_notification: true })
      await api.post(`/admin/orders/${quiet.order.id}/cancel`, {}, admin)
      await api.post(`/admin/orders/${loud.order.id}/cancel`, {}, admin)
      await eventually(async () => ses.to("loud@example.com", "was cancelled").length === 1)
      await sleep(1000)
      expect(ses.to("quiet@example.com", "was cancelled")).toHaveLength(0)
    })

    it("a registered customer is welcomed, and the password-reset mail's link carries a token that resets the password", async () => {
      const email = "asha@example.com"
      const { data: { token: regToken } } = await api.post("/auth/customer/emailpass/register", { email, password: "old-password-1" })
      await api.post("/store/customers", { email, first_name: "Asha" }, { headers: { ...store().headers, authorization: `Bearer ${regToken}` } })
      const [welcome] = await eventually(async () => {
        const m = ses.to(email, "Welcome to Jaipur Looms")
        return m.length ? m : null
      })
      expect(text(welcome)).toMatch(/Welcome, Asha!/i)

      await api.post("/auth/customer/emailpass/reset-password", { identifier: email })
      const [mail] = await eventually(async () => {
        const m = ses.to(email, "reset your password")
        return m.length ? m : null
      })
      const link = /https:\/\/shop\.example\.com\/reset-password\?token=([^&\s]+)&email=([^\s]+)/.exec(text(mail))
      expect(link).not.toBeNull()
      expect(decodeURIComponent(link![2])).toBe(email)
      const token = decodeURIComponent(link![1])
      await api.post("/auth/customer/emailpass/update", { password: "new-password-2" }, { headers: { authorization: `Bearer ${token}` } })
      const login = await api.post("/auth/customer/emailpass", { email, password: "new-password-2" })
      expect(login.status).toBe(200)
      expect(login.data.token).toBeTruthy()
      const old = await api.post("/auth/customer/emailpass", { email, password: "old-password-1" }).catch((e) => e.response)
      expect(old.status).toBe(401)
    })

    it("a staff invite mails a link to the admin's invite page with the invite's token", async () => {
      const { data: { invite } } = await api.post("/admin/invites", { email: "new-staff@example.com" }, admin)
      const [mail] = await eventually(async () => {
        const m = ses.to("new-staff@example.com", "invited")
        return m.length ? m : null
      })
      const { data: { invite: stored } } = await api.get(`/admin/invites/${invite.id}?fields=id,token`, admin)
      expect(text(mail)).toContain(`/app/invite?token=${encodeURIComponent(stored.token)}`)
    })

    it("a staff password reset mails a link to the admin's reset page whose token the auth API accepts", async () => {
      await api.post("/auth/user/emailpass/reset-password", { identifier: ADMIN.email })
      const [mail] = await eventually(async () => {
        const m = ses.to(ADMIN.email, "reset your staff password")
        return m.length ? m : null
      })
      const link = /(http:\/\/\S+)\/app\/reset-password\?token=([^&\s]+)&email=/.exec(text(mail))
      expect(link).not.toBeNull()
      const update = (token: string) =>
        api.post("/auth/user/emailpass/update", { password: ADMIN.password }, { headers: { authorization: `Bearer ${token}` } }).catch((e) => e.response)
      expect((await update("not-a-token")).status).toBe(401)
      // same password again, so the other tests' staff login keeps working
      expect((await update(decodeURIComponent(link![2]))).status).toBe(200)
    })
  },
})
