import { medusaIntegrationTestRunner } from "@medusajs/test-utils"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api }) => {
    it("GET /health answers 200 OK", async () => {
      const res = await api.get("/health")
      expect(res.status).toEqual(200)
      expect(res.data).toEqual("OK")
    })
  },
})
