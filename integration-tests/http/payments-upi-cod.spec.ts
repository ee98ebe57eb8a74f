import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { seedDemo, type SeedResult } from "../helpers/seed"
import { findVariant, headers, INDIAN_ADDRESS } from "../helpers/store"
import { adminAuth } from "../helpers/admin"
import { cartReadyForPayment, completeCart, startPaymentSession } from "../helpers/checkout"
import { decodePngDataUrl, decodeQrSvg } from "../helpers/qr"
import { expireUnpaidUpiOrders } from "../../src/lib/payments/offline/upi"
import { useAppEnv } from "../helpers/app-env"

jest.setTimeout(300 * 1000)

const UPI = "pp_upi_upi"
const COD = "pp_cod_cod"
const paise = (amount: number) => Math.round(amount * 100)
const rupees = (p: number) => `${Math.floor(p / 100)}.${String(p % 100).padStart(2, "0")}`

const env: Record<string, string> = {
  UPI_VPA: "demoshop@okaxis",
  UPI_PAYEE_NAME: "Demo Shop & Co",
  UPI_EXPIRY_MINUTES: "60",
  COD_MIN_TOTAL: "300",
  COD_MAX_TOTAL: "5000",
  COD_BLOCKED_PINCODES: "110001, 400001",
  COD_SHIPPING_OPTIONS: "Standard Delivery",
  COD_FEE: "49",
  // The UTR route's own budget is exercised last; every other class is out of the way.
  RATE_LIMIT: "on",
  RATE_LIMIT_PAYMENT_PROOF: "60/10m",
  RATE_LIMIT_AUTH: "100000/1m",
  RATE_LIMIT_CHECKOUT: "100000/1m",
  RATE_LIMIT_CATALOG: "100000/1m",
  RATE_LIMIT_ADMIN: "100000/1m",
}
useAppEnv(env)

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
    const call = (p: Promise<{ status: number; data: any }>) => p.catch((e) => e.response)

    async function cart(provider: string, opts: { quantity?: number; shipping?: string; address?: Record<string, string>; regionKey?: "in" | "us" } = {}) {
      const region = seed.region_ids[opts.regionKey ?? "in"]
      const tee = await findVariant(api, seed.publishable_key, "organic-crew-tee", region)
      const ready = await cartReadyForPayment(api, seed.publishable_key, {
        regionId: region,
        items: [{ variant_id: tee.variant.id, quantity: opts.quantity ?? 1 }],
        shippingOptionName: opts.shipping ?? "Standard Delivery",
        address: opts.address,
      })
      const res = await call(api.post(`/store/payment-collections/${ready.paymentCollectionId}/payment-sessions`, { provider_id: provider }, store()))
      return { ...ready, res, variantId: tee.variant.id as string }
    }

    /** A placed UPI order (pending_authorization) and its session. */
    async function upiOrder(quantity = 1) {
      const { cart: c, res } = await cart(UPI, { quantity })
      expect(res.status).toBe(200)
      const session = res.data.payment_collection.payment_sessions.find((s: { provider_id: string }) => s.provider_id === UPI)
      const done = await completeCart(api, seed.publishable_key, c.id)
      expect(done.data.type).toBe("order")
      return { order: done.data.order, session, totalPaise: paise(c.total) }
    }

    const adminOrder = async (id: string) =>
      (await api.get(`/admin/orders/${id}?fields=id,display_id,status,payment_status,total,*items,*payment_collections`, admin)).data.order
    const submitUtr = (sessionId: string, body: Record<string, unknown>) => call(api.post(`/store/upi/payment-sessions/${sessionId}/utr`, body, store()))
    const offline = (orderId: string) => api.get(`/admin/orders/${orderId}/offline-payment`, admin).then((r) => r.data)
    const reservations = async (order: { items: { id: string }[] }) =>
      getContainer().resolve(Modules.INVENTORY).listReservationItems({ line_item_id: order.items.map((i) => i.id) })

    it("UPI checkout: intent URI and QR, UTR from the shopper, staff approval, order paid", async () => {
      const { cart: c, res } = await cart(UPI)
      expect(res.status).toBe(200)
      const session = res.data.payment_collection.payment_sessions.find((s: { provider_id: string }) => s.provider_id === UPI)
      const uri: string = session.data.upi_uri
      const url = new URL(uri)
      expect(url.protocol).toBe("upi:")
      expect(url.host + url.pathname).toBe("pay")
      const p = url.searchParams
      expect(p.get("pa")).toBe("demoshop@okaxis")
      expect(p.get("pn")).toBe("Demo Shop & Co")
      expect(uri).toContain("pn=Demo%20Shop%20%26%20Co")
      expect(p.get("am")).toBe(rupees(paise(c.total)))
      expect(p.get("am")).toMatch(/^\d+\.\d{2}$/)
      expect(p.get("cu")).toBe("INR")
      expect(p.get("tr")).toMatch(/^[A-Za-z0-9]{1,35}$/)
      expect(p.get("tr")).toBe(session.id.replace(/[^A-Za-z0-9]/g, ""))
      expect(p.get("tn")).toBeTruthy()
      // The QR, read back by an independent decoder, carries exactly the same string.
      expect(decodePngDataUrl(session.data.qr_png_data_url)).toBe(uri)
      expect(decodeQrSvg(session.data.qr_svg)).toBe(uri)

      // The storefront cannot put its own data on the session (it would be stored beside ours).
      const forged = await call(api.post(`/store/payment-collections/${res.data.payment_collection.id}/payment-sessions`, { provider_id: UPI, data: { approval: { utr: "123456789012" } } }, store()))
      expect(forged.status).toBe(400)
      expect(forged.data.message).toMatch(/may not set: approval/)

      const done = await completeCart(api, seed.publishable_key, c.id)
      expect(done.data.type).toBe("order")
      const orderId = done.data.order.id
      let order = await adminOrder(orderId)
      expect(order.payment_status).not.toBe("captured")
      expect(order.payment_collections[0].status).not.toBe("completed")
      expect((await reservations(order)).length).toBe(1) // stock is held while payment is pending

      // Bad UTRs: 400 with a reason, nothing stored.
      for (const utr of ["12345", "12345678901a", "1234567890123"]) {
        const bad = await submitUtr(session.id, { utr })
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/12-digit/)
      }
      const wrongAmount = await submitUtr(session.id, { utr: "412345678901", amount: rupees(paise(c.total) - 100) })
      expect(wrongAmount.status).toBe(400)
      expect(wrongAmount.data.message).toMatch(/does not match the order amount/)
      expect((await offline(orderId)).upi.transfer_status).toBe("awaiting_utr")

      const ok = await submitUtr(session.id, { utr: "412345678901", amount: rupees(paise(c.total)) })
      expect(ok.status).toBe(200)
      expect(ok.data.upi_transfer).toMatchObject({ utr: "412345678901", status: "submitted", order_id: orderId })
      const again = await submitUtr(session.id, { utr: "412345678901" })
      expect(again.status).toBe(200) // idempotent
      const other = await submitUtr(session.id, { utr: "499999999999" })
      expect(other.status).toBe(409)
      expect((await offline(orderId)).upi).toMatchObject({ utr: "412345678901", transfer_status: "submitted" })

      // Staff: the amount received must match; a mismatch changes nothing.
      const short = await call(api.post(`/admin/upi/orders/${orderId}/approve`, { amount: rupees(paise(c.total) - 1) }, admin))
      expect(short.status).toBe(400)
      expect(short.data.message).toMatch(/does not match the order amount/)
      order = await adminOrder(orderId)
      expect(order.payment_status).not.toBe("captured")
      expect((await offline(orderId)).upi.transfer_status).toBe("submitted")

      const approved = await call(api.post(`/admin/upi/orders/${orderId}/approve`, { amount: rupees(paise(c.total)), note: "seen in HDFC statement" }, admin))
      expect(approved.status).toBe(200)
      order = await adminOrder(orderId)
      expect(order.payment_status).toBe("captured")
      const paymentsOfOrder = () =>
        getContainer().resolve(Modules.PAYMENT).listPayments({ payment_collection_id: order.payment_collections[0].id } as never, { relations: ["captures"] })
      const payments = await paymentsOfOrder()
      expect(payments).toHaveLength(1)
      expect(paise(Number(payments[0].amount))).toBe(paise(c.total))
      expect(payments[0].captures).toHaveLength(1)
      // The shopper hears that the money arrived: one "payment received" e-mail for the capture.
      const received = async () =>
        getContainer().resolve(Modules.NOTIFICATION).listNotifications({ template: "payment-captured", resource_id: orderId } as never)
      for (let i = 0; i < 50 && !(await received()).length; i++) await new Promise((r) => setTimeout(r, 100))
      expect(await received()).toEqual([expect.objectContaining({ channel: "email", idempotency_key: `payment-captured:${payments[0].captures![0].id}` })])

      const twice = await call(api.post(`/admin/upi/orders/${orderId}/approve`, { amount: rupees(paise(c.total)) }, admin))
      expect(twice.status).toBe(409)
      expect(twice.data.message).toMatch(/already approved/)
      expect((await paymentsOfOrder())[0].captures).toHaveLength(1)
      expect(await received()).toHaveLength(1)

      // Who, when, why.
      const state = await offline(orderId)
      expect(state.upi.transfer_status).toBe("approved")
      const me = (await api.get("/admin/users/me", admin)).data.user
      expect(state.decisions).toEqual([expect.objectContaining({ action: "approved", actor_id: me.id, source: "staff", reason: "seen in HDFC statement", utr: "412345678901", amount_paise: paise(c.total) })])
      expect(new Date(state.decisions[0].created_at).getTime()).toBeGreaterThan(Date.now() - 120_000)
      // A late UTR change is refused too.
      expect((await submitUtr(session.id, { utr: "499999999999" })).status).toBe(409)
    })

    it("one UTR never serves two orders; rejection cancels and releases stock; expired orders refuse a UTR", async () => {
      const a = await upiOrder()
      const b = await upiOrder()
      expect((await submitUtr(a.session.id, { utr: "512345678901" })).status).toBe(200)
      const dup = await submitUtr(b.session.id, { utr: "512345678901" })
      expect(dup.status).toBe(409)
      expect(dup.data.message).toMatch(/already submitted for another order/)
      expect((await offline(b.order.id)).upi.transfer_status).toBe("awaiting_utr")

      // Approval without any UTR is refused.
      const early = await call(api.post(`/admin/upi/orders/${b.order.id}/approve`, { amount: rupees(b.totalPaise) }, admin))
      expect(early.status).toBe(400)
      expect(early.data.message).toMatch(/No UTR/)

      // Reject A: reason required; then the order is canceled and its stock released.
      expect((await call(api.post(`/admin/upi/orders/${a.order.id}/reject`, {}, admin))).status).toBe(400)
      let orderA = await adminOrder(a.order.id)
      expect((await reservations(orderA)).length).toBe(1)
      const rejected = await call(api.post(`/admin/upi/orders/${a.order.id}/reject`, { reason: "no such credit in the bank account" }, admin))
      expect(rejected.status).toBe(200)
      orderA = await adminOrder(a.order.id)
      expect(orderA.status).toBe("canceled")
      expect((await reservations(orderA)).length).toBe(0)
      const stateA = await offline(a.order.id)
      expect(stateA.upi.transfer_status).toBe("rejected")
      expect(stateA.decisions[0]).toMatchObject({ action: "rejected", reason: "no such credit in the bank account", source: "staff" })
      // A rejected UTR stays burnt: it cannot be moved to order B either.
      expect((await submitUtr(b.session.id, { utr: "512345678901" })).status).toBe(409)
      expect((await call(api.post(`/admin/upi/orders/${a.order.id}/approve`, { amount: rupees(a.totalPaise) }, admin))).status).toBe(400)

      // Expiry: B is unpaid; an hour later the job cancels it and releases its stock.
      expect(await expireUnpaidUpiOrders(getContainer(), 60, new Date())).toEqual([])
      const expired = await expireUnpaidUpiOrders(getContainer(), 60, new Date(Date.now() + 61 * 60_000))
      expect(expired).toEqual([b.order.id])
      const orderB = await adminOrder(b.order.id)
      expect(orderB.status).toBe("canceled")
      expect((await reservations(orderB)).length).toBe(0)
      const late = await submitUtr(b.session.id, { utr: "612345678901" })
      expect(late.status).toBe(400)
      expect(late.data.message).toMatch(/canceled/)
      expect((await offline(b.order.id)).upi.transfer_status).toBe("awaiting_utr")
      expect((await offline(b.order.id)).decisions[0]).toMatchObject({ action: "expired", actor_id: "system", source: "job" })
    })

    it("bank statement CSV approves matching credits and lists the rest", async () => {
      const a = await upiOrder()
      const b = await upiOrder()
      const c = await upiOrder()
      expect((await submitUtr(a.session.id, { utr: "700000000001" })).status).toBe(200)
      expect((await submitUtr(b.session.id, { utr: "700000000002" })).status).toBe(200)
      const csv = [
        "Date,Description,UTR,Amount",
        `2026-11-25,UPI/CR/shopper,700000000001,"${rupees(a.totalPaise)}"`,
        `2026-11-25,UPI/CR/other,700000000002,${rupees(b.totalPaise + 100)}`,
        `2026-11-25,UPI/CR/unknown,700000000009,${rupees(c.totalPaise)}`,
        "2026-11-25,garbage,12AB,10.00",
        "2026-11-25,no amount,700000000003,ten",
        `2026-11-25,repeat,700000000001,${rupees(a.totalPaise)}`,
      ].join("\n")
      const res = await call(api.post("/admin/upi/statements", { csv }, admin))
      expect(res.status).toBe(200)
      expect(res.data.approved).toBe(1)
      const byLine = Object.fromEntries(res.data.rows.map((r: { line: number }) => [r.line, r]))
      expect(byLine[2]).toMatchObject({ outcome: "approved", order_id: a.order.id })
      expect(byLine[3]).toMatchObject({ outcome: "review", order_id: b.order.id })
      expect(byLine[3].reason).toMatch(/differs from the order amount/)
      expect(byLine[4]).toMatchObject({ outcome: "review", reason: "no order has reported this UTR" })
      expect(byLine[5]).toMatchObject({ outcome: "malformed" })
      expect(byLine[6]).toMatchObject({ outcome: "malformed" })
      expect(byLine[7]).toMatchObject({ outcome: "review" })
      expect(byLine[7].reason).toMatch(/already approved/)

      expect((await adminOrder(a.order.id)).payment_status).toBe("captured")
      expect((await adminOrder(b.order.id)).payment_status).not.toBe("captured")
      expect((await offline(b.order.id)).upi.transfer_status).toBe("submitted")
      expect((await offline(a.order.id)).decisions[0]).toMatchObject({ action: "approved", source: "statement" })

      const bad = await call(api.post("/admin/upi/statements", { csv: "foo,bar\n1,2" }, admin))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/columns utr, amount/)
      const broken = await call(api.post("/admin/upi/statements", { csv: 'utr,amount\n"700000000001,12' }, admin))
      expect(broken.status).toBe(400)
    })

    it("COD: ineligible carts are refused with the reason; an eligible one gets the fee line and is authorized", async () => {
      const express = await cart(COD, { shipping: "Express Delivery" })
      expect(express.res.status).toBe(400)
      expect(express.res.data.message).toBe("Cash on delivery is not available with Express Delivery")
      const blocked = await cart(COD, { address: { ...INDIAN_ADDRESS, postal_code: "110001", city: "New Delhi", province: "DL" } })
      expect(blocked.res.status).toBe(400)
      expect(blocked.res.data.message).toBe("Cash on delivery is not available for PIN code 110001")
      const big = await cart(COD, { quantity: 7 })
      expect(big.res.status).toBe(400)
      expect(big.res.data.message).toBe("Cash on delivery is available up to an order total of ₹5,000.00")
      const forged = await call(api.post(`/store/payment-collections/${big.paymentCollectionId}/payment-sessions`, { provider_id: COD, data: { total: 1 } }, store()))
      expect(forged.status).toBe(400)
      // Refused carts got no fee line and no session.
      const { data: { cart: bigCart } } = await api.get(`/store/carts/${big.cart.id}`, store())
      expect(bigCart.items).toHaveLength(1)

      const ok = await cart(COD)
      expect(ok.res.status).toBe(200)
      const { data: { cart: withFee } } = await api.get(`/store/carts/${ok.cart.id}?fields=*items,total,*payment_collection,*payment_collection.payment_sessions`, store())
      const fee = withFee.items.find((i: { title: string }) => i.title === "Cash on delivery fee")
      expect(fee).toBeTruthy()
      expect(paise(fee.unit_price)).toBe(4900)
      expect(paise(withFee.total)).toBe(paise(ok.cart.total) + 4900)
      expect(paise(withFee.payment_collection.amount)).toBe(paise(withFee.total))
      expect(paise(withFee.payment_collection.payment_sessions[0].amount)).toBe(paise(withFee.total))

      // Switching to UPI drops the fee; back to COD adds it once.
      await startPaymentSession(api, seed.publishable_key, ok.paymentCollectionId, UPI)
      let items = (await api.get(`/store/carts/${ok.cart.id}`, store())).data.cart.items
      expect(items.filter((i: { title: string }) => i.title === "Cash on delivery fee")).toHaveLength(0)
      await startPaymentSession(api, seed.publishable_key, ok.paymentCollectionId, COD)
      await startPaymentSession(api, seed.publishable_key, ok.paymentCollectionId, COD)
      items = (await api.get(`/store/carts/${ok.cart.id}`, store())).data.cart.items
      expect(items.filter((i: { title: string }) => i.title === "Cash on delivery fee")).toHaveLength(1)

      const done = await completeCart(api, seed.publishable_key, ok.cart.id)
      expect(done.data.type).toBe("order")
      const order = await adminOrder(done.data.order.id)
      expect(order.payment_status).toBe("authorized")
      expect(order.items.map((i: { title: string }) => i.title)).toContain("Cash on delivery fee")
      expect(paise(order.total)).toBe(paise(withFee.total))
    })

    it("COD rules are checked again when the order is placed", async () => {
      const ok = await cart(COD)
      expect(ok.res.status).toBe(200)
      // Same state, same GST, same total: Medusa keeps the COD session across this address change.
      const moved = { ...INDIAN_ADDRESS, postal_code: "400001", address_1: "1 Marine Drive" }
      await api.post(`/store/carts/${ok.cart.id}`, { shipping_address: moved }, store())
      const { data: { cart: after } } = await api.get(`/store/carts/${ok.cart.id}?fields=*payment_collection.payment_sessions`, store())
      expect(after.payment_collection.payment_sessions.map((s: { provider_id: string }) => s.provider_id)).toEqual([COD])
      const done = await completeCart(api, seed.publishable_key, ok.cart.id)
      expect(done.status).toBe(400)
      expect(done.data.message).toBe("Cash on delivery is not available for PIN code 400001")
      const { data: { cart: still } } = await api.get(`/store/carts/${ok.cart.id}?fields=completed_at`, store())
      expect(still.completed_at).toBeFalsy()
    })

    it("COD in USD is refused: INR only", async () => {
      const us = await cart(COD, { regionKey: "us", address: { first_name: "T", last_name: "B", address_1: "1 Market St", city: "SF", province: "CA", postal_code: "94105", country_code: "us" }, shipping: "International Standard" }).catch((e) => ({ res: { status: 0, data: { message: String(e) } } }))
      expect(us.res.status).toBe(400)
      expect(us.res.data.message).toMatch(/INR/)
    })

    async function codOrder() {
      const { cart: c, res } = await cart(COD)
      expect(res.status).toBe(200)
      const done = await completeCart(api, seed.publishable_key, c.id)
      expect(done.data.type).toBe("order")
      return adminOrder(done.data.order.id)
    }

    it("COD: delivered captures, RTO cancels with stock back, remittance CSV reconciles", async () => {
      const a = await codOrder()
      const b = await codOrder()
      const c = await codOrder()

      const delivered = await call(api.post(`/admin/cod/orders/${a.id}/delivered`, { note: "Delhivery POD 123" }, admin))
      expect(delivered.status).toBe(200)
      expect((await adminOrder(a.id)).payment_status).toBe("captured")
      const twice = await call(api.post(`/admin/cod/orders/${a.id}/delivered`, {}, admin))
      expect(twice.status).toBe(409)
      expect((await call(api.post(`/admin/cod/orders/${a.id}/rto`, { reason: "late RTO scan" }, admin))).status).toBe(409)
      expect((await adminOrder(a.id)).status).not.toBe("canceled")

      expect((await reservations(b)).length).toBe(1)
      expect((await call(api.post(`/admin/cod/orders/${b.id}/rto`, {}, admin))).status).toBe(400)
      const rto = await call(api.post(`/admin/cod/orders/${b.id}/rto`, { reason: "customer refused the parcel" }, admin))
      expect(rto.status).toBe(200)
      const bAfter = await adminOrder(b.id)
      expect(bAfter.status).toBe("canceled")
      expect((await reservations(bAfter)).length).toBe(0)
      expect((await call(api.post(`/admin/cod/orders/${b.id}/delivered`, {}, admin))).status).toBe(400)
      expect((await offline(b.id)).decisions[0]).toMatchObject({ method: "cod", action: "rto", reason: "customer refused the parcel" })

      // A UPI route on a COD order answers 400, not 500.
      expect((await call(api.post(`/admin/upi/orders/${c.id}/approve`, { amount: "1" }, admin))).status).toBe(400)

      const total = rupees(paise(a.total))
      const csv = [
        "AWB,Order,Amount,UTR",
        `AWB1,#${a.display_id},${total},CMS0001`,
        `AWB2,${c.display_id},${rupees(paise(c.total))},CMS0002`,
        `AWB3,99999,100.00,CMS0003`,
        `AWB4,,100.00,CMS0004`,
        `AWB5,${a.display_id},12.3.4,CMS0005`,
        `AWB6,${a.id},${total},CMS0006`,
      ].join("\n")
      const res = await call(api.post("/admin/cod/remittances", { csv }, admin))
      expect(res.status).toBe(200)
      const byLine = Object.fromEntries(res.data.rows.map((r: { line: number }) => [r.line, r]))
      expect(byLine[2]).toMatchObject({ outcome: "matched", order_id: a.id, expected: total })
      expect(byLine[3]).toMatchObject({ outcome: "mismatch", order_id: c.id, reason: "the order is not marked delivered" })
      expect(byLine[4]).toMatchObject({ outcome: "mismatch", reason: "no such order" })
      expect(byLine[5]).toMatchObject({ outcome: "malformed" })
      expect(byLine[6]).toMatchObject({ outcome: "malformed" })
      expect(byLine[7]).toMatchObject({ outcome: "mismatch", reason: "remittance already recorded for this order" })
      expect(res.data.matched).toBe(1)

      // Short remittance on C once delivered.
      await api.post(`/admin/cod/orders/${c.id}/delivered`, {}, admin)
      const short = await api.post("/admin/cod/remittances", { csv: `order,amount\n${c.display_id},${rupees(paise(c.total) - 5000)}` }, admin)
      expect(short.data.rows[0]).toMatchObject({ outcome: "short", expected: rupees(paise(c.total)) })
      expect((await offline(c.id)).decisions.map((d: { action: string }) => d.action)).toEqual(["delivered"])
    })

    it("UTR submissions are rate limited per IP (RATE_LIMIT_PAYMENT_PROOF)", async () => {
      let res: { status: number; headers: Record<string, string>; data: any } | undefined
      for (let i = 0; i < 61; i++) {
        res = await submitUtr("payses_unknown", { utr: "123" })
        if (res!.status === 429) break
        expect(res!.status).toBe(400)
      }
      expect(res!.status).toBe(429)
      expect(Number(res!.headers["retry-after"])).toBeGreaterThan(0)
      // Other store routes keep their own budget.
      expect((await api.get("/store/regions", store())).status).toBe(200)
    })
  },
})
