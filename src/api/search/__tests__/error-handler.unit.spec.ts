import { MedusaError } from "@medusajs/framework/utils"
import { SearchUnavailableError } from "../../../modules/search-elasticsearch/lib/errors"
import { searchAwareErrorHandler } from "../error-handler"

function fakeResponse() {
  const res: any = { headers: {} as Record<string, string>, statusCode: 200, body: undefined }
  res.setHeader = (k: string, v: string) => void (res.headers[k.toLowerCase()] = v)
  res.status = (code: number) => ((res.statusCode = code), res)
  res.json = (body: unknown) => ((res.body = body), res)
  return res
}
const req: any = { path: "/store/search", scope: { resolve: () => ({ info: jest.fn(), error: jest.fn(), warn: jest.fn() }) } }

describe("searchAwareErrorHandler", () => {
  it("answers 503 with Retry-After and the provider's message when the search engine does not answer", () => {
    const res = fakeResponse()
    searchAwareErrorHandler(new SearchUnavailableError("Search is temporarily unavailable: Elasticsearch did not answer. Try again shortly.", 4200), req, res, jest.fn())
    expect(res.statusCode).toBe(503)
    expect(res.headers["retry-after"]).toBe("5")
    expect(res.body).toEqual({
      type: "search_unavailable",
      code: "search_unavailable",
      message: "Search is temporarily unavailable: Elasticsearch did not answer. Try again shortly.",
    })
  })

  it("leaves every other error to Medusa's handler (400 for NOT_ALLOWED, 404 for NOT_FOUND)", () => {
    const bad = fakeResponse()
    searchAwareErrorHandler(new MedusaError(MedusaError.Types.NOT_ALLOWED, "Unknown filter field"), req, bad, jest.fn())
    expect(bad.statusCode).toBe(400)
    expect(bad.body.message).toBe("Unknown filter field")
    const missing = fakeResponse()
    searchAwareErrorHandler(new MedusaError(MedusaError.Types.NOT_FOUND, 'No search index named "x"'), req, missing, jest.fn())
    expect(missing.statusCode).toBe(404)
  })
})
