import type { ChildProcess } from "child_process"

/** Polls `check` every `intervalMs` until it returns something truthy; throws naming `what` after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs: number, what: string, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    try {
      const value = await check()
      if (value) return value
    } catch (e) {
      last = e
    }
    await new Promise((r) => setTimeout(r, intervalMs))
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ""}`)
}

/** Waits until `url` answers 2xx; fails early when `child` exits first. */
export async function waitForHttp(url: string, { timeoutMs = 120_000, child }: { timeoutMs?: number; child?: ChildProcess } = {}): Promise<Response> {
  return waitFor(async () => {
    if (child && child.exitCode !== null) throw Object.assign(new Error(`process exited (${child.exitCode}) before ${url} answered`), { fatal: true })
    const res = await fetch(url).catch(() => null)
    return res?.ok ? res : null
  }, timeoutMs, url, 300).catch((e) => {
    throw e
  })
}
