import fs from "fs"
import path from "path"
import { Client } from "pg"
import { adminClient, createStockApp, placeOrder, setUpMinimalShop, waitFor, type MedusaHttp, type StockApp } from "@indus/test-kit"

jest.setTimeout(420_000)

/** The shop's own templates, as another shop would give them: a module with renderEmail. */
const SHOP_TEMPLATES = `exports.renderEmail = async (template, data) => ({
  subject: "Stock shop: " + template + " #" + data.order.display_id,
  html: "<p>Thanks for order " + data.order.display_id + "</p>",
  text: "Thanks for order " + data.order.display_id,
})
`

/**
 * @indus/email in a stock Medusa 2.21 app (no code of this repository's shop): its outbox provider
 * under Medusa's Notification Module, its subscribers and e-mail log, the shop's templates from a
 * module the option names. A guest order gets exactly one confirmation.
 */
describe("@indus/email in a stock Medusa app", () => {
  let app: StockApp
  let admin: MedusaHttp

  beforeAll(async () => {
    app = await createStockApp({
      plugins: [{ resolve: "@indus/email", options: { templates: "./shop-emails" } }],
      modules: [
        {
          key: "notification",
          resolve: "@medusajs/medusa/notification",
          options: { providers: [{ resolve: "@indus/email/providers/outbox", id: "outbox", options: { channels: ["email"] } }] },
        },
      ],
    })
    fs.writeFileSync(path.join(app.dir, "shop-emails.js"), SHOP_TEMPLATES)
    await app.migrate()
    await app.createUser("staff@example.com", "stock-app-password")
  })

  afterAll(async () => {
    await app?.destroy()
  })

  it("keeps one outbox notification and one e-mail log entry for a guest order's confirmation", async () => {
    const server = await app.start()
    admin = await adminClient(server.url, "staff@example.com", "stock-app-password")
    const shop = await setUpMinimalShop(admin)
    const order = await placeOrder(server.url, shop)

    const logged = await waitFor(async () => {
      const { emails } = await admin.get(`/admin/emails?resource_id=${order.id}`)
      return emails.length ? emails : undefined
    }, 60_000, "the order confirmation in the e-mail log")
    expect(logged).toEqual([
      expect.objectContaining({
        template: "order-placed",
        to: "guest@example.com",
        status: "outbox",
        provider_id: "outbox",
        subject: `Stock shop: order-placed #${order.display_id}`,
        resource_type: "order",
      }),
    ])
    const { email } = await admin.get(`/admin/emails/${logged[0].id}`)
    expect(email.text).toBe(`Thanks for order ${order.display_id}`)

    // Let any duplicate delivery of order.placed land before counting.
    await new Promise((r) => setTimeout(r, 3_000))
    const db = new Client({ connectionString: app.databaseUrl })
    await db.connect()
    try {
      const { rows } = await db.query(
        `select template, provider_id, status from notification where channel = 'email' and deleted_at is null`
      )
      expect(rows).toEqual([{ template: "order-placed", provider_id: "outbox", status: "success" }])
      const { rows: log } = await db.query(`select count(*)::int as n from email_message where deleted_at is null`)
      expect(log[0].n).toBe(1)
    } finally {
      await db.end()
    }
  })

  it("answers a bad list filter with a 400 naming it", async () => {
    const res = await admin.request("GET", "/admin/emails?status=bounced")
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.data)).toMatch(/status/)
  })
})
