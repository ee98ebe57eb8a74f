import { backoffDelay, withRetry } from "../retry"

describe("withRetry", () => {
  it("retries with doubling delays and returns the first success", async () => {
    const delays: number[] = []
    let calls = 0
    const out = await withRetry(async () => { if (++calls < 3) throw new Error("boom"); return "ok" },
      { attempts: 3, baseDelayMs: 100, sleep: async (ms) => { delays.push(ms) } })
    expect(out).toBe("ok")
    expect(delays).toEqual([100, 200])
  })

  it("throws the last error after the final attempt", async () => {
    let calls = 0
    await expect(withRetry(async () => { calls++; throw new Error(`fail ${calls}`) }, { attempts: 2, baseDelayMs: 0, sleep: async () => {} }))
      .rejects.toThrow("fail 2")
    expect(calls).toBe(2)
    expect(backoffDelay(500, 3)).toBe(2000)
  })
})
