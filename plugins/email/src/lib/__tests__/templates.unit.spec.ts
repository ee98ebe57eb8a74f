import fs from "fs"
import os from "os"
import path from "path"
import { renderBuiltIn } from "../built-in-templates"
import { emailRenderer } from "../templates"

const order = {
  id: "order_1",
  display_id: 1042,
  currency_code: "inr",
  items: [{ title: "Kurta", quantity: 2, unit_price: "61728", total: "123456" }],
  subtotal: "123456",
  shipping_total: "0",
  discount_total: "0",
  tax_total: "0",
  total: "123456",
}

describe("the shop's templates", () => {
  let root: string
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "email-templates-"))
    fs.mkdirSync(path.join(root, "emails"))
    fs.writeFileSync(
      path.join(root, "emails", "index.js"),
      "exports.renderEmail = async (name, data) => ({ subject: `shop ${name} #${data.order.display_id}`, html: '<p>x</p>', text: 'x' })"
    )
    fs.writeFileSync(path.join(root, "no-renderer.js"), "exports.other = 1")
  })
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

  it("renders with the module the option names, relative to the app's root", async () => {
    const render = emailRenderer("./emails", root)
    expect(await render("order-placed", { order })).toEqual({ subject: "shop order-placed #1042", html: "<p>x</p>", text: "x" })
  })

  it("names the option when the module is missing or exports no renderEmail", () => {
    expect(() => emailRenderer("./missing", root)).toThrow(/templates module "\.\/missing" could not be loaded/)
    expect(() => emailRenderer("./no-renderer", root)).toThrow(/exports no renderEmail/)
  })

  it("falls back to plain built-in templates without the option", async () => {
    const mail = await emailRenderer(undefined, root)("order-placed", { order })
    expect(mail.subject).toBe("Order #1042 confirmed")
    expect(mail.text).toContain("2 × Kurta: ₹1,23,456.00")
    expect(mail.html).toContain("<p>Total: ₹1,23,456.00</p>")
  })

  it("escapes what the data brings into the built-in HTML, and refuses an unknown template by name", async () => {
    const mail = await renderBuiltIn("customer-welcome", { first_name: "<b>Asha</b>" })
    expect(mail.html).toContain("&lt;b&gt;Asha&lt;/b&gt;")
    await expect(renderBuiltIn("nope", {})).rejects.toThrow(/no built-in template "nope"/)
  })
})
