import { attachmentSummary, keptAttachments } from "../copy"

const b64 = (n: number) => Buffer.alloc(n, 7).toString("base64")

describe("outbox copy of attachments", () => {
  it("keeps the bytes with name, type, disposition, Content-ID and real size", () => {
    expect(keptAttachments([{ filename: "upi-qr.png", content: b64(10), content_type: "image/png", disposition: "inline", id: "upi-qr" }])).toEqual([
      { filename: "upi-qr.png", content_type: "image/png", disposition: "inline", id: "upi-qr", size: 10, content: b64(10) },
    ])
    expect(keptAttachments([{ filename: "a.pdf", content: b64(11), content_type: "application/pdf" }])[0]).toMatchObject({ disposition: "attachment", size: 11 })
  })

  it("keeps bytes only while the budget lasts, later attachments as metadata", () => {
    const kept = keptAttachments(
      [
        { filename: "one.pdf", content: b64(600), content_type: "application/pdf" },
        { filename: "big.pdf", content: b64(500), content_type: "application/pdf" },
        { filename: "small.png", content: b64(300), content_type: "image/png" },
      ],
      1000
    )
    expect(kept.map((a) => [a.filename, a.size, Boolean(a.content)])).toEqual([["one.pdf", 600, true], ["big.pdf", 500, false], ["small.png", 300, true]])
  })

  it("summarises without any bytes", () => {
    expect(attachmentSummary([{ filename: "q.png", content: b64(3), content_type: "image/png" }])).toEqual([{ filename: "q.png", content_type: "image/png", disposition: "attachment", size: 3 }])
    expect(attachmentSummary(undefined)).toEqual([])
  })
})
