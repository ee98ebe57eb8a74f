import jsQR from "jsqr"
import { PNG } from "pngjs"
import { renderEmail, templates, type TemplateData, type TemplateName } from "../index"
import { inrOrder, shop } from "./fixtures"

const upiUri = "upi://pay?pa=shop%40okaxis&pn=Jaipur%20Looms&am=123555.00&cu=INR&tr=payses01TEST&tn=Order%201042"

/** Representative data per template and the facts a reader must find in both the HTML and the text. */
const cases: { [T in TemplateName]: { data: TemplateData<T>; facts: string[]; subject: string } } = {
  "order-placed": { data: { order: inrOrder, customer_name: "Asha" }, subject: "order #1042 confirmed", facts: ["#1042", "Pashmina Shawl", "₹41,152.00", "₹1,23,456.00", "₹99.00", "₹18,846.10", "₹1,23,555.00", "Includes taxes of", "Kolkata"] },
  "upi-instructions": { data: { order: inrOrder, upi: { uri: upiUri, amount: "123555", expires_at: "2026-11-25T20:00:00Z" } }, subject: "pay ₹1,23,555.00 by UPI", facts: ["#1042", "₹1,23,555.00", "upi://pay?pa=shop%40okaxis", "UTR"] },
  "cod-confirmation": { data: { order: { ...inrOrder, total: "123604" }, cod_fee: "49" }, subject: "cash on delivery", facts: ["#1042", "₹1,23,604.00", "₹49.00", "cash on delivery"] },
  "payment-captured": { data: { display_id: 1042, currency_code: "usd", amount: "1234.5", order_total: "1234.5" }, subject: "payment received", facts: ["#1042", "$1,234.50"] },
  "shipment-created": { data: { display_id: 1042, items: [{ title: "Pashmina Shawl", quantity: 3 }], tracking: [{ number: "DL123456789IN", url: "https://track.example.com/DL123456789IN" }], shipping_address: inrOrder.shipping_address }, subject: "has shipped", facts: ["#1042", "Pashmina Shawl", "DL123456789IN", "https://track.example.com/DL123456789IN"] },
  "delivery-created": { data: { display_id: 1042, items: [{ title: "Pashmina Shawl", quantity: 3 }] }, subject: "was delivered", facts: ["#1042", "Pashmina Shawl"] },
  "payment-refunded": { data: { display_id: 1042, currency_code: "eur", amount: "1999.9", note: "Damaged in transit" }, subject: "refund of €1,999.90", facts: ["#1042", "€1,999.90", "Damaged in transit"] },
  "order-canceled": { data: { display_id: 1042, currency_code: "inr", total: "123555" }, subject: "was cancelled", facts: ["#1042", "₹1,23,555.00"] },
  "customer-welcome": { data: { first_name: "Asha" }, subject: "Welcome to Jaipur Looms", facts: ["Asha", "https://shop.example.com/account"] },
  "password-reset": { data: { actor_type: "customer", email: "asha@example.com", token: "tok.en+/=" }, subject: "reset your password", facts: ["https://shop.example.com/reset-password?token=tok.en%2B%2F%3D&email=asha%40example.com"] },
  "staff-invite": { data: { token: "inv-token-1", expires_at: "2026-12-02T00:00:00Z" }, subject: "invited to the Jaipur Looms admin", facts: ["https://api.example.com/app/invite?token=inv-token-1"] },
  "abandoned-cart": { data: { cart_id: "cart_01ABC", items: [{ title: "Block-print Kurta", quantity: 2 }] }, subject: "left something in your cart", facts: ["Block-print Kurta", "https://shop.example.com/cart?cart_id=cart_01ABC"] },
}

/** What a reader sees of the HTML: React's text-node separators (`<!-- -->`) and `&amp;` undone. */
const visible = (s: string) => s.replace(/<!-- -->/g, "").replace(/&amp;/g, "&")

describe("shop e-mail templates", () => {
  it("has a case for every registered template", () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(templates).sort())
  })

  for (const name of Object.keys(cases) as TemplateName[]) {
    it(`${name}: renders HTML and plain text with its key facts and the shop's frame`, async () => {
      const { data, facts, subject } = cases[name]
      const email = await renderEmail(name, data as never, shop)
      expect(email.subject).toContain(subject)
      expect(email.html).toMatch(/^<!DOCTYPE html/)
      expect(email.text.length).toBeGreaterThan(50)
      expect(email.text).not.toMatch(/<[a-z]/i)
      for (const fact of facts) {
        expect(visible(email.html)).toContain(fact)
        // the plain-text renderer upper-cases headings
        expect(email.text.toLowerCase()).toContain(fact.toLowerCase())
      }
      expect(email.html).toContain("https://cdn.example.com/logo.png")
      expect(email.text).toContain("12 MI Road, Jaipur 302001, India")
      expect(email.text).toContain("help@jaipurlooms.example")
    })
  }

  it("staff password reset links to the admin dashboard", async () => {
    const email = await renderEmail("password-reset", { actor_type: "user", email: "ops@example.com", token: "abc" }, shop)
    expect(email.text).toContain("https://api.example.com/app/reset-password?token=abc&email=ops%40example.com")
    expect(email.subject).toContain("staff password")
  })

  it("upi-instructions: inline QR attachment that decodes to the intent shown in the mail", async () => {
    const email = await renderEmail("upi-instructions", cases["upi-instructions"].data, shop)
    const [qr] = email.attachments ?? []
    expect(qr).toMatchObject({ content_type: "image/png", disposition: "inline", id: "upi-qr" })
    expect(email.html).toContain('src="cid:upi-qr"')
    const png = PNG.sync.read(Buffer.from(qr.content, "base64"))
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(upiUri)
  })

  it("order-placed: shows a discount only when there is one", async () => {
    const without = await renderEmail("order-placed", { order: inrOrder }, shop)
    expect(without.text).not.toContain("Discount")
    const withDiscount = await renderEmail("order-placed", { order: { ...inrOrder, discount_total: "500" } }, shop)
    expect(withDiscount.text).toMatch(/Discount\s+-₹500\.00/)
  })

  it("escapes customer-provided text in HTML", async () => {
    const email = await renderEmail("customer-welcome", { first_name: "<script>x</script>" }, shop)
    expect(email.html).not.toContain("<script>x")
  })

  it("without a logo the shop name heads the mail", async () => {
    const email = await renderEmail("delivery-created", { display_id: 1, items: [] }, { ...shop, logoUrl: undefined })
    expect(email.html).not.toContain("<img")
    expect(email.text.trim().startsWith("Jaipur Looms")).toBe(true)
  })
})

describe("order totals", () => {
  it("adds taxes for tax-exclusive orders and says 'included' for tax-inclusive ones", async () => {
    const usd = { ...inrOrder, currency_code: "usd", tax_inclusive: false, subtotal: "100", shipping_total: "10", tax_total: "8.8", total: "118.8" }
    const exclusive = await renderEmail("order-placed", { order: usd }, shop)
    expect(exclusive.text).toMatch(/Taxes\s+\$8\.80\s+Total\s+\$118\.80/)
    expect(exclusive.text).not.toContain("Includes taxes")
    const inclusive = await renderEmail("order-placed", { order: inrOrder }, shop)
    expect(inclusive.text).toMatch(/Total\s+₹1,23,555\.00\s+Includes taxes of\s+₹18,846\.10/)
  })
})
