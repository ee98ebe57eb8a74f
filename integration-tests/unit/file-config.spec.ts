import { fileProviderFromEnv, FileConfigError } from "../../src/lib/files/file-config"
import { isReconciliationFileId } from "../../src/lib/files/reconciliation-files"

const S3 = { S3_BUCKET: "shop-media", S3_REGION: "ap-south-1", S3_FILE_URL: "https://d111.cloudfront.net/" }

describe("fileProviderFromEnv", () => {
  it("keeps files on local disk, served by the API, without S3_BUCKET", () => {
    const { provider, summary } = fileProviderFromEnv({}, "http://localhost:3001/")
    expect(provider.resolve).toBe("@medusajs/medusa/file-local")
    expect(provider.options).toEqual({ upload_dir: "static", backend_url: "http://localhost:3001/static" })
    expect(summary).toContain("local disk")
  })

  it("uses the CloudFront provider with no ACLs, CDN base without trailing slash and the IAM role when no keys are set", () => {
    const { provider, summary } = fileProviderFromEnv(S3, "http://localhost:3001")
    expect(provider.resolve).toBe("@indus/files/providers/s3-cloudfront")
    expect(provider.id).toBe("s3")
    expect(provider.options).toEqual({
      bucket: "shop-media",
      region: "ap-south-1",
      file_url: "https://d111.cloudfront.net",
      prefix: "media/",
      private_prefix: "private/",
      download_file_duration: 900,
      cache_control: "public, max-age=31536000",
    })
    expect(summary).toMatch(/S3 bucket shop-media .*IAM role/)
  })

  it("uses access keys, an endpoint with path-style URLs, custom prefixes and TTL, and never prints the secret", () => {
    const env = {
      ...S3,
      S3_ACCESS_KEY_ID: "AKIAEXAMPLE",
      S3_SECRET_ACCESS_KEY: "very-secret-value",
      S3_ENDPOINT: "http://127.0.0.1:4569",
      S3_PREFIX: "/shop/img",
      S3_PRIVATE_PREFIX: "shop/private/",
      S3_DOWNLOAD_URL_TTL: "120",
    }
    const { provider, summary } = fileProviderFromEnv(env, "http://localhost:3001")
    expect(provider.options).toMatchObject({
      access_key_id: "AKIAEXAMPLE",
      secret_access_key: "very-secret-value",
      endpoint: "http://127.0.0.1:4569",
      prefix: "shop/img/",
      private_prefix: "shop/private/",
      download_file_duration: 120,
    })
    expect(summary).not.toContain("very-secret-value")
    expect(summary).not.toContain("AKIAEXAMPLE")
  })

  it.each([
    [{ S3_BUCKET: "b" }, /S3_REGION and S3_FILE_URL are not/],
    [{ ...S3, S3_FILE_URL: "d111.cloudfront.net" }, /S3_FILE_URL \(file_url\): expected the CDN base URL/],
    [{ ...S3, S3_ACCESS_KEY_ID: "AKIA" }, /S3_ACCESS_KEY_ID \(access_key_id\): give both/],
    [{ ...S3, S3_PRIVATE_PREFIX: "media/private/" }, /S3_PRIVATE_PREFIX \(private_prefix\): .*overlap/],
    [{ ...S3, S3_ENDPOINT: "minio:9000" }, /S3_ENDPOINT/],
    [{ ...S3, S3_PREFIX: "files/", S3_PRIVATE_PREFIX: "files/" }, /overlap/],
    [{ ...S3, S3_DOWNLOAD_URL_TTL: "1.5" }, /S3_DOWNLOAD_URL_TTL/],
    [{ ...S3, S3_DOWNLOAD_URL_TTL: "999999" }, /S3_DOWNLOAD_URL_TTL/],
    [{ ...S3, S3_DOWNLOAD_URL_TTL: "0" }, /S3_DOWNLOAD_URL_TTL/],
  ])("refuses to start with a half or unsafe S3 configuration (%#)", (env, message) => {
    expect(() => fileProviderFromEnv(env, "http://localhost:3001")).toThrow(FileConfigError)
    expect(() => fileProviderFromEnv(env, "http://localhost:3001")).toThrow(message)
  })
})

describe("isReconciliationFileId (what GET /admin/reconciliation-files/:id serves)", () => {
  it("accepts the keys the S3 and local providers give kept CSVs, nothing else", () => {
    expect(isReconciliationFileId("private/reconciliation/upi-statement-01JDX5Z8W6Q1M2N3P4R5S6T7V8.csv")).toBe(true)
    expect(isReconciliationFileId("reconciliation/private-1764097200000-cod-remittance.csv")).toBe(true)
    expect(isReconciliationFileId("private/exports/orders-01JDX5Z8W6Q1M2N3P4R5S6T7V8.csv")).toBe(false)
    expect(isReconciliationFileId("media/reconciliation/../private/exports/x.csv")).toBe(false)
    expect(isReconciliationFileId("private/reconciliation/../../etc/passwd.csv")).toBe(false)
    expect(isReconciliationFileId("private/reconciliation/photo.png")).toBe(false)
  })
})
