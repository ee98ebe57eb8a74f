import { options } from "../options"

const REQUIRED = { bucket: "shop-media", region: "ap-south-1", file_url: "https://d111.cloudfront.net/" }

describe("@indus/files s3-cloudfront options", () => {
  it("documents its defaults and drops the CDN URL's trailing slash", () => {
    expect(options.parse(REQUIRED)).toEqual({
      ...REQUIRED,
      file_url: "https://d111.cloudfront.net",
      prefix: "media/",
      private_prefix: "private/",
      download_file_duration: 900,
      cache_control: "public, max-age=31536000",
    })
  })

  it.each([
    [{ ...REQUIRED, bucket: undefined }, /bucket/],
    [{ ...REQUIRED, file_url: "d111.cloudfront.net" }, /file_url: expected the CDN base URL/],
    [{ ...REQUIRED, private_prefix: "media/private/" }, /private_prefix: .*overlap/],
    [{ ...REQUIRED, prefix: "files/", private_prefix: "files/" }, /overlap/],
    [{ ...REQUIRED, prefix: "/media/" }, /prefix must be a folder/],
    [{ ...REQUIRED, private_prefix: "../x/" }, /private_prefix must be a folder/],
    [{ ...REQUIRED, access_key_id: "AKIA" }, /access_key_id: give both/],
    [{ ...REQUIRED, download_file_duration: 1.5 }, /download_file_duration/],
    [{ ...REQUIRED, download_file_duration: 604801 }, /download_file_duration/],
    [{ ...REQUIRED, endpoint: "localhost:9000" }, /endpoint/],
  ])("refuses a bad or unsafe value by name (%#)", (raw, message) => {
    expect(() => options.parse(raw)).toThrow(message)
  })
})
