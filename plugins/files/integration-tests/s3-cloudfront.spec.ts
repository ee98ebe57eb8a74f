import { HeadObjectCommand } from "@aws-sdk/client-s3"
import { createStockApp, type MedusaProcess, type StockApp } from "@indus/test-kit"
import { startS3StandIn } from "../src/providers/s3-cloudfront/__tests__/s3-stand-in"

jest.setTimeout(300_000)

const BUCKET = "shop-media"
const CDN = "https://cdn.example.test"
const STAFF = { email: "staff@example.com", password: "stock-app-password" }
// A 1x1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64")

/**
 * A stock Medusa app with @indus/files' provider as its File Module provider, storing into a
 * local S3 (s3rver over HTTP), used through Medusa's own admin upload routes.
 */
describe("@indus/files s3-cloudfront in a stock Medusa app", () => {
  let s3: Awaited<ReturnType<typeof startS3StandIn>>
  let app: StockApp
  let server: MedusaProcess
  let token: string

  beforeAll(async () => {
    s3 = await startS3StandIn(BUCKET)
    app = await createStockApp({
      plugins: [{ resolve: "@indus/files" }],
      modules: [
        {
          key: "file",
          resolve: "@medusajs/medusa/file",
          options: {
            providers: [
              {
                resolve: "@indus/files/providers/s3-cloudfront",
                id: "s3",
                options: { bucket: BUCKET, region: "ap-south-1", file_url: `${CDN}/`, endpoint: s3.endpoint, download_file_duration: 120, ...s3.credentials },
              },
            ],
          },
        },
      ],
    })
    await app.migrate()
    await app.createUser(STAFF.email, STAFF.password)
    server = await app.start()
    const login = await fetch(`${server.url}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(STAFF) })
    token = (await login.json()).token
  })

  afterAll(async () => {
    await app?.destroy()
    await s3?.stop()
  })

  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } })

  it("POST /admin/uploads stores the image in the bucket under media/ and answers its CloudFront URL", async () => {
    const form = new FormData()
    form.append("files", new Blob([PNG], { type: "image/png" }), "Shirt Front.png")
    const res = await admin("/admin/uploads", { method: "POST", body: form })
    expect(res.status).toBe(200)
    const [file] = (await res.json()).files
    expect(file.id).toMatch(/^media\/Shirt Front-[0-9A-Z]{26}\.png$/)
    expect(file.url).toBe(`${CDN}/media/${encodeURIComponent(file.id.slice("media/".length))}`)

    const stored = await s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: file.id }))
    expect(stored.ContentType).toBe("image/png")
    expect(stored.ContentLength).toBe(PNG.length)
  })

  it("a presigned upload without public access goes under private/, off the CDN, and a browser PUT lands", async () => {
    const body = "handle,title\nlinen-kurta,Linen Kurta\n"
    const res = await admin("/admin/uploads/presigned-urls", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ originalname: "products.csv", mime_type: "text/csv", size: body.length }),
    })
    expect(res.status).toBe(200)
    const { url, filename } = await res.json()
    expect(filename).toMatch(/^private\/[0-9A-Z]{26}\.csv$/)
    expect(url.startsWith(s3.endpoint)).toBe(true)
    const put = await fetch(url, { method: "PUT", body, headers: { "content-type": "text/csv" } })
    expect(put.status).toBe(200)
    const stored = await s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: filename }))
    expect(stored.ContentLength).toBe(body.length)
  })
})
