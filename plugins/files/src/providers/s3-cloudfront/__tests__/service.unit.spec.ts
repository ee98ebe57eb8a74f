import { GetObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3"
import { Readable } from "stream"
import { CloudFrontS3FileService } from "../service"
import { startS3StandIn } from "./s3-stand-in"

jest.setTimeout(30_000)

const BUCKET = "shop-media"
const CDN = "https://cdn.example.test"
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64")
const logger = { error: jest.fn() } as any

describe("CloudFrontS3FileService against a local S3", () => {
  let s3: Awaited<ReturnType<typeof startS3StandIn>>
  let files: CloudFrontS3FileService

  beforeAll(async () => {
    s3 = await startS3StandIn(BUCKET)
    files = new CloudFrontS3FileService({ logger }, { bucket: BUCKET, region: "ap-south-1", file_url: `${CDN}/`, endpoint: s3.endpoint, download_file_duration: 60, ...s3.credentials })
  })
  afterAll(() => s3?.stop())

  const object = (Key: string) => s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key }))
  const text = async (Key: string) => (await object(Key)).Body!.transformToString()

  it("stores a public image under media/ with its type and cache header, and answers the CDN URL", async () => {
    const { key, url } = await files.upload({ filename: "Shirt Front.png", mimeType: "image/png", content: PNG.toString("binary"), access: "public" })
    expect(key).toMatch(/^media\/Shirt Front-[0-9A-Z]{26}\.png$/)
    expect(url).toBe(`${CDN}/media/${encodeURIComponent(key.slice("media/".length))}`)
    const stored = await s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))
    expect(stored.ContentType).toBe("image/png")
    expect(stored.CacheControl).toBe("public, max-age=31536000")
    expect(stored.Metadata?.["original-filename"]).toBe("Shirt%20Front.png")
    expect(Buffer.from(await (await object(key)).Body!.transformToByteArray()).equals(PNG)).toBe(true)
  })

  it("stores every other file under private/ and answers a presigned URL that reads it, never the CDN", async () => {
    const { key, url } = await files.upload({ filename: "reconciliation/upi-statement.csv", mimeType: "text/csv", content: Buffer.from("utr,amount\n1,₹5\n").toString("base64"), access: "private" })
    expect(key).toMatch(/^private\/reconciliation\/upi-statement-[0-9A-Z]{26}\.csv$/)
    expect(url.startsWith(CDN)).toBe(false)
    const signed = new URL(url)
    expect(signed.origin).toBe(s3.endpoint)
    expect(signed.searchParams.get("X-Amz-Expires")).toBe("60")
    const res = await fetch(url)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe("utr,amount\n1,₹5\n")
  })

  it("streams an export (no access given) to private/", async () => {
    const { writeStream, promise, fileKey, url } = await files.getUploadStream({ filename: "exports/orders.csv", mimeType: "text/csv" })
    expect(fileKey).toMatch(/^private\/exports\/orders-[0-9A-Z]{26}\.csv$/)
    expect(url.startsWith(CDN)).toBe(false)
    Readable.from(["id,total\n", "order_1,100\n"]).pipe(writeStream)
    expect((await promise).key).toBe(fileKey)
    expect(await text(fileKey)).toBe("id,total\norder_1,100\n")
    expect((await files.getAsBuffer({ fileKey })).toString()).toBe("id,total\norder_1,100\n")
  })

  it("presigns PUTs without a checksum parameter, under the prefix the access picks", async () => {
    const priv = await files.getPresignedUploadUrl({ filename: "products.csv", mimeType: "text/csv" })
    expect(priv.key).toBe("private/products.csv")
    expect([...new URL(priv.url).searchParams.keys()].filter((k) => /checksum/i.test(k))).toEqual([])
    const put = await fetch(priv.url, { method: "PUT", body: "handle\nkurta\n", headers: { "content-type": "text/csv" } })
    expect(put.status).toBe(200)
    expect(await text("private/products.csv")).toBe("handle\nkurta\n")

    const pub = await files.getPresignedUploadUrl({ filename: "../hero.png", mimeType: "image/png", access: "public" })
    expect(pub.key).toBe("media/hero.png")
  })

  it("deletes one or many files", async () => {
    const a = await files.upload({ filename: "a.txt", mimeType: "text/plain", content: "a", access: "public" })
    const b = await files.upload({ filename: "b.txt", mimeType: "text/plain", content: "b", access: "public" })
    await files.delete([{ fileKey: a.key }, { fileKey: b.key }])
    await expect(object(a.key)).rejects.toThrow(/NoSuchKey|does not exist/i)
    await expect(object(b.key)).rejects.toThrow(/NoSuchKey|does not exist/i)
  })

  it("refuses an upload without a usable name with a clear error", async () => {
    await expect(files.upload({ filename: "../..", mimeType: "text/plain", content: "x", access: "public" })).rejects.toThrow(/Invalid filename/)
  })

  it("refuses bad options when Medusa loads it, naming the option", () => {
    expect(() => CloudFrontS3FileService.validateOptions({ bucket: BUCKET, region: "x", file_url: CDN, prefix: "media/", private_prefix: "media/private/" })).toThrow(/private_prefix: .*overlap/)
  })
})
