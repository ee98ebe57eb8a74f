import { isKeptFileId } from "../private-files"

describe("isKeptFileId (what a staff download route may serve)", () => {
  it("accepts kept files of the folder under any storage prefix", () => {
    expect(isKeptFileId("private/reconciliation/upi-statement-01JDX5Z8W6Q1M2N3P4R5S6T7V8.csv", "reconciliation", ".csv")).toBe(true)
    expect(isKeptFileId("reconciliation/private-1764097200000-cod-remittance.csv", "reconciliation", ".csv")).toBe(true)
  })

  it("refuses other folders, other extensions and traversal", () => {
    expect(isKeptFileId("private/exports/orders-01JDX5Z8W6Q1M2N3P4R5S6T7V8.csv", "reconciliation", ".csv")).toBe(false)
    expect(isKeptFileId("media/reconciliation/../private/exports/x.csv", "reconciliation", ".csv")).toBe(false)
    expect(isKeptFileId("private/reconciliation/../../etc/passwd.csv", "reconciliation", ".csv")).toBe(false)
    expect(isKeptFileId("private/reconciliation/photo.png", "reconciliation", ".csv")).toBe(false)
    expect(isKeptFileId("private/reconciliationXcsv/a.csv", "reconciliation.csv", ".csv")).toBe(false)
  })
})
