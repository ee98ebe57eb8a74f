import { spawn, type ChildProcess } from "child_process"
import path from "path"
import { waitForHttp } from "./wait"

export type MedusaProcess = { child: ChildProcess; url: string; port: number; output: () => string; stop: () => Promise<void> }

/** The `medusa` CLI an app folder would run (its own node_modules/.bin). */
export const medusaBin = (appDir: string) => path.join(appDir, "node_modules", ".bin", "medusa")

/** Runs a medusa CLI command to completion in `appDir`; rejects with its output on failure. */
export function runMedusa(appDir: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ output: string; seconds: number }> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(medusaBin(appDir), args, { cwd: appDir, env, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    child.stdout!.on("data", (d) => (output += d))
    child.stderr!.on("data", (d) => (output += d))
    child.on("error", reject)
    child.on("close", (code) => {
      const seconds = Math.round((Date.now() - started) / 100) / 10
      if (code === 0) resolve({ output, seconds })
      else reject(new Error(`medusa ${args.join(" ")} failed (exit ${code}) after ${seconds}s:\n${output.slice(-6000)}`))
    })
  })
}

/** `medusa start` as its own process group, as a deployment runs it; resolves once /health answers. */
export async function startMedusa(appDir: string, env: NodeJS.ProcessEnv, port: number): Promise<MedusaProcess> {
  const child = spawn(medusaBin(appDir), ["start", "-p", String(port)], { cwd: appDir, env, detached: true })
  let out = ""
  child.stdout!.on("data", (d) => (out += d))
  child.stderr!.on("data", (d) => (out += d))
  const url = `http://localhost:${port}`
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once("exit", () => resolve())
      try {
        process.kill(-child.pid!, "SIGTERM")
      } catch {
        resolve()
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL")
        } catch {}
      }, 10_000).unref()
    })
  try {
    await waitForHttp(`${url}/health`, { timeoutMs: 180_000, child })
  } catch (e) {
    await stop()
    throw new Error(`${(e as Error).message}\n${out.slice(-4000)}`)
  }
  return { child, url, port, output: () => out, stop }
}
