import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { metricsRegistry } from "../metrics"
import { scheduledJob } from "../scheduled-job"

/** A container with a logger that records what it is given (as Medusa's winston logger's `log`). */
function fakeContainer() {
  const lines: { level: string; message: string; meta?: Record<string, unknown> }[] = []
  const logger = {
    info: (message: string) => lines.push({ level: "info", message }),
    warn: (message: string) => lines.push({ level: "warn", message }),
    error: (message: string) => lines.push({ level: "error", message }),
    log: (level: string, message: string, meta: Record<string, unknown>) => lines.push({ level, message, meta }),
  }
  const container = { resolve: (key: string) => (key === ContainerRegistrationKeys.LOGGER ? logger : undefined) } as any
  return { container, lines }
}

const sample = async (name: string, labels: Record<string, string>) => {
  const metric = (await metricsRegistry.getMetricsAsJSON()).find((m) => m.name === name)
  const value = (metric?.values ?? []).find((v: any) =>
    Object.entries(labels).every(([k, l]) => v.labels[k] === l) && (!("metricName" in v) || v.metricName === `${name}_count`)
  )
  return Number(value?.value ?? 0)
}

describe("scheduledJob", () => {
  const saved = { ...process.env }
  beforeAll(() => Object.assign(process.env, { JOB_RETRY_ATTEMPTS: "3", JOB_RETRY_BASE_DELAY_MS: "1" }))
  afterAll(() => (process.env = saved))

  it("a job that keeps failing is retried, logged at each attempt, reported as a structured error, counted and rethrown", async () => {
    const { container, lines } = fakeContainer()
    let calls = 0
    const job = scheduledJob("spec-failing", async () => {
      calls++
      throw new Error("table missing for buyer@example.com")
    })
    await expect(job(container)).rejects.toThrow("table missing")
    expect(calls).toBe(3)
    expect(lines.filter((l) => l.level === "warn").map((l) => l.message)).toEqual([
      expect.stringMatching(/^job spec-failing: attempt 1 failed .*retrying in 1 ms$/),
      expect.stringMatching(/^job spec-failing: attempt 2 failed .*retrying in 2 ms$/),
    ])
    const error = lines.find((l) => l.level === "error")!
    expect(error.meta).toMatchObject({ source: "job", source_name: "spec-failing", error_type: "Error" })
    expect(JSON.stringify(lines)).not.toContain("buyer@example.com")
    expect(await sample("scheduled_job_failures_total", { job: "spec-failing" })).toBe(1)
    expect(await sample("scheduled_job_duration_seconds", { job: "spec-failing", outcome: "failure" })).toBe(1)
  })

  it("a job that succeeds after a retry records a success", async () => {
    const { container } = fakeContainer()
    let calls = 0
    await scheduledJob("spec-flaky", async () => {
      if (++calls < 2) throw new Error("blip")
    })(container)
    expect(calls).toBe(2)
    expect(await sample("scheduled_job_duration_seconds", { job: "spec-flaky", outcome: "success" })).toBe(1)
    expect(await sample("scheduled_job_failures_total", { job: "spec-flaky" })).toBe(0)
  })
})
