import { adminClient, createStockApp, placeOrder, setUpMinimalShop, type StockApp } from "../src/index"

jest.setTimeout(240_000)

describe("stock-app harness", () => {
  let app: StockApp

  afterAll(async () => {
    await app?.destroy()
  })

  it("boots a stock Medusa app with no project code and takes a guest order", async () => {
    app = await createStockApp()
    await app.migrate()
    await app.createUser("staff@example.com", "stock-app-password")
    const server = await app.start()

    const admin = await adminClient(server.url, "staff@example.com", "stock-app-password")
    const shop = await setUpMinimalShop(admin)
    const order = await placeOrder(server.url, shop)

    expect(order.currency_code).toBe("inr")
    expect(Number(order.total)).toBe(shop.price + 50)
    const { orders } = await admin.get(`/admin/orders?id=${order.id}&fields=id,display_id`)
    expect(orders).toHaveLength(1)
  })
})
