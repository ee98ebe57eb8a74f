import fs from "fs"
import os from "os"
import path from "path"
import { Readable } from "stream"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3"
import { adminAuth } from "../helpers/admin"
import { useAppEnv } from "../helpers/app-env"

// s3rver ships no types.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const S3rver = require("s3rver")

jest.setTimeout(300 * 1000)

/**
 * Files on S3 behind CloudFront, against s3rver: a local S3 that stores objects and
 * enforces presigned-URL expiry, but checks neither signatures nor ACLs (docs/files.md).
 */
const BUCKET = "shop-media"
const CDN = "https://cdn.example.test"
const TTL_SECONDS = 2
const env: Record<string, string> = {
  S3_BUCKET: BUCKET,
  S3_REGION: "ap-south-1",
  S3_FILE_URL: CDN,
  // s3rver accepts only this key pair.
  S3_ACCESS_KEY_ID: "S3RVER",
  S3_SECRET_ACCESS_KEY: "S3RVER",
  S3_DOWNLOAD_URL_TTL: String(TTL_SECONDS),
}

let s3rver: { run(): Promise<{ port: number }>; close(): Promise<void> }
let s3: S3Client
let dir: string

// medusa-config reads S3_ENDPOINT when the app boots.
useAppEnv(env, {
  start: async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "s3rver-"))
    s3rver = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: dir, configureBuckets: [{ name: BUCKET }], vhostBuckets: false })
    const { port } = await s3rver.run()
    env.S3_ENDPOINT = `http://127.0.0.1:${port}`
    s3 = new S3Client({
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    })
  },
  stop: async () => {
    s3?.destroy()
    await s3rver?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  },
})

const head = (Key: string) => s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key }))
async function objectText(Key: string) {
  const { Body } = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key }))
  return Body!.transformToString()
}
const cdnUrl = (key: string) => `${CDN}/${key.split("/").map(encodeURIComponent).join("/")}`
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

// A 1x1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64")

medusaIntegrationTestRunner({
  inApp: true,
  env,
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    beforeEach(async () => {
      admin = await adminAuth(api, getContainer())
    })
    const call = (p: Promise<{ status: number; data: any; headers: any }>) => p.catch((e) => e.response)

    it("an admin image upload lands in the bucket under media/ and its URL is the CloudFront base plus the key", async () => {
      const form = new FormData()
      form.append("files", new Blob([PNG], { type: "image/png" }), "Shirt Front.png")
      const { status, data } = await api.post("/admin/uploads", form, admin)
      expect(status).toBe(200)
      const [file] = data.files
      expect(file.id).toMatch(/^media\/Shirt Front-[0-9A-Z]{26}\.png$/)
      expect(file.url).toBe(cdnUrl(file.id))
      expect(file.url).toMatch(/^https:\/\/cdn\.example\.test\/media\/Shirt%20Front-/)

      const stored = await head(file.id)
      expect(stored.ContentType).toBe("image/png")
      expect(stored.ContentLength).toBe(PNG.length)
      const { Body } = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: file.id }))
      expect(Buffer.from(await Body!.transformToByteArray()).equals(PNG)).toBe(true)

      // Product images keep the CDN URL.
      const { data: created } = await api.post(
        "/admin/products",
        { title: "CDN Shirt", handle: "cdn-shirt", images: [{ url: file.url }], options: [{ title: "Size", values: ["M"] }] },
        admin
      )
      expect(created.product.images[0].url).toBe(file.url)
    })

    it("a statement CSV is kept under private/, downloads through a short-lived presigned URL, and the URL expires", async () => {
      const csv = "utr,amount\n412345678901,499.00\n"
      const { status, data } = await api.post("/admin/upi/statements", { csv }, admin)
      expect(status).toBe(200)
      expect(data.rows[0].outcome).toBe("review")
      const id: string = data.file.id
      expect(id).toMatch(/^private\/reconciliation\/upi-statement-[0-9A-Z]{26}\.csv$/)
      expect(JSON.stringify(data)).not.toContain(CDN)
      expect(await objectText(id)).toBe(csv)

      const res = await call(api.get(data.file.download_path, { ...admin, maxRedirects: 0 }))
      expect(res.status).toBe(302)
      const url = new URL(res.headers.location)
      expect(url.origin).toBe(env.S3_ENDPOINT)
      expect(url.pathname).toBe(`/${BUCKET}/${id}`)
      expect(url.searchParams.get("X-Amz-Expires")).toBe(String(TTL_SECONDS))
      expect(url.searchParams.get("X-Amz-Signature")).toBeTruthy()

      const fresh = await fetch(url)
      expect(fresh.status).toBe(200)
      expect(await fresh.text()).toBe(csv)
      await sleep((TTL_SECONDS + 1.5) * 1000)
      const expired = await fetch(url)
      expect(expired.status).toBe(403)
      expect(await expired.text()).toMatch(/expired/i)
    })

    it("a CSV that is not a remittance is refused with 400 and nothing is kept", async () => {
      const kept = async () => (await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: "private/reconciliation/cod-remittance-" }))).KeyCount ?? 0
      const before = await kept()
      const res = await call(api.post("/admin/cod/remittances", { csv: "date,narration\n2026-11-25,hello\n" }, admin))
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/missing: order, amount/)
      expect(await kept()).toBe(before)
    })

    it("the download route needs a staff login and serves only reconciliation files", async () => {
      const { data } = await api.post("/admin/cod/remittances", { csv: "order,amount\n#999999,100\n" }, admin)
      expect(data.file.id).toMatch(/^private\/reconciliation\/cod-remittance-[0-9A-Z]{26}\.csv$/)
      expect((await call(api.get(data.file.download_path, { maxRedirects: 0 }))).status).toBe(401)
      const other = await call(api.get(`/admin/reconciliation-files/${encodeURIComponent("media/Shirt Front.png")}`, { ...admin, maxRedirects: 0 }))
      expect(other.status).toBe(404)
      expect(other.data.message).toMatch(/no such reconciliation file/i)
      const json = await api.get(`${data.file.download_path}?format=json`, admin)
      expect((await fetch(json.data.url)).status).toBe(200)
    })

    it("exports (streamed, no access given) go under private/ and get a presigned URL, never a CDN one", async () => {
      const files = getContainer().resolve(Modules.FILE)
      const { writeStream, promise, fileKey, url } = await files.getUploadStream({ filename: "exports/orders.csv", mimeType: "text/csv" })
      expect(fileKey).toMatch(/^private\/exports\/orders-[0-9A-Z]{26}\.csv$/)
      expect(url).not.toContain(CDN)
      Readable.from(["id,total\n", "order_1,100\n"]).pipe(writeStream)
      const done = await promise
      expect(done.key).toBe(fileKey)
      const download = await fetch((await files.retrieveFile(fileKey)).url)
      expect(await download.text()).toBe("id,total\norder_1,100\n")
    })

    it("presigned PUT uploads carry no checksum parameter and a browser-style PUT with a body succeeds", async () => {
      const body = "handle,title\nlinen-kurta,Linen Kurta\n"
      const { status, data } = await api.post(
        "/admin/uploads/presigned-urls",
        { originalname: "products.csv", mime_type: "text/csv", size: body.length },
        admin
      )
      expect(status).toBe(200)
      // Medusa's route defaults these to private.
      expect(data.filename).toMatch(/^private\/[0-9A-Z]{26}\.csv$/)
      const url = new URL(data.url)
      const params = [...url.searchParams.keys()].map((k) => k.toLowerCase())
      expect(params).toContain("x-amz-signature")
      expect(params.filter((k) => k.includes("checksum"))).toEqual([])

      const put = await fetch(url, { method: "PUT", body, headers: { "content-type": "text/csv" } })
      expect(put.status).toBe(200)
      expect(await objectText(data.filename)).toBe(body)

      const pub = await api.post("/admin/uploads/presigned-urls", { originalname: "hero.png", mime_type: "image/png", size: PNG.length, access: "public" }, admin)
      expect(pub.data.filename).toMatch(/^media\/[0-9A-Z]{26}\.png$/)
      expect((await fetch(pub.data.url, { method: "PUT", body: PNG, headers: { "content-type": "image/png" } })).status).toBe(200)
      expect((await head(pub.data.filename)).ContentLength).toBe(PNG.length)
    })
  },
})
