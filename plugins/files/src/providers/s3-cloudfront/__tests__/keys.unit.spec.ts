import { cdnUrl, decodeFileContent, newFileKey, sanitizeFilePath } from "../keys"

describe("storage keys", () => {
  it("keeps folders and extension and adds the id before the extension", () => {
    expect(newFileKey("media/", "Shirt Front.png", "01JDX5Z8W6Q1M2N3P4R5S6T7V8")).toBe("media/Shirt Front-01JDX5Z8W6Q1M2N3P4R5S6T7V8.png")
    expect(newFileKey("private/", "exports/orders.csv", "01JDX5Z8W6Q1M2N3P4R5S6T7V8")).toBe("private/exports/orders-01JDX5Z8W6Q1M2N3P4R5S6T7V8.csv")
    expect(newFileKey("private/", "README")).toMatch(/^private\/README-[0-9A-Z]{26}$/)
  })

  it("cannot leave the prefix: leading slashes, backslashes and dot segments are dropped", () => {
    expect(sanitizeFilePath("/../../etc/passwd")).toBe("etc/passwd")
    expect(sanitizeFilePath("a\\..\\..\\b.png")).toBe("b.png")
    expect(sanitizeFilePath("./x/./y.csv")).toBe("x/y.csv")
    expect(sanitizeFilePath("..")).toBe("")
  })

  it("percent-encodes each segment of the CDN URL", () => {
    expect(cdnUrl("https://cdn.example.test", "media/Shirt Front#1.png")).toBe("https://cdn.example.test/media/Shirt%20Front%231.png")
  })
})

describe("decodeFileContent", () => {
  const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64")

  it("takes base64 as base64, binary strings as bytes and text as UTF-8", () => {
    expect(decodeFileContent(PNG.toString("base64"), "image/png").equals(PNG)).toBe(true)
    expect(decodeFileContent(PNG.toString("binary"), "image/png").equals(PNG)).toBe(true)
    expect(decodeFileContent("name\nKurta — ₹499\n", "text/csv").toString("utf8")).toBe("name\nKurta — ₹499\n")
  })
})
