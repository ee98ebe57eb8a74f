import { formatBytes, previewDocument } from "../preview"

const qr = { filename: "qr.png", content_type: "image/png", disposition: "inline" as const, id: "upi-qr", size: 3, content: "AAEC" }

describe("e-mail preview document", () => {
  it("shows inline images from the kept attachments and leaves unknown Content-IDs alone", () => {
    const doc = previewDocument(`<img src="cid:upi-qr"><img src='cid:logo'>`, [qr])
    expect(doc).toContain(`<img src="data:image/png;base64,AAEC">`)
    expect(doc).toContain(`<img src='cid:logo'>`)
  })

  it("forbids scripts with a CSP, in the head when there is one", () => {
    const withHead = previewDocument(`<html><head><title>x</title></head><body><script>alert(1)</script></body></html>`, [])
    expect(withHead).toMatch(/^<html><head><meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; form-action 'none'"><title>/)
    expect(previewDocument("<p>hi</p>", null)).toMatch(/^<meta http-equiv="Content-Security-Policy"[^>]+><p>hi<\/p>$/)
  })

  it("formats sizes", () => {
    expect([formatBytes(900), formatBytes(2048), formatBytes(3 * 1024 * 1024)]).toEqual(["900 B", "2.0 KB", "3.0 MB"])
  })
})
