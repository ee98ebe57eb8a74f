import { spawn, type ChildProcess } from "child_process"
import net from "net"
import { freePort } from "./ports"
import { waitFor } from "./wait"

/**
 * A redis-server of the test's own on a spare port (nothing kept on disk), so tests never share
 * keys or queues with other suites, and can stall it (SIGSTOP), stop it and bring it back.
 */
export class TestRedis {
  private child?: ChildProcess
  constructor(readonly port: number) {}

  get url() {
    return `redis://127.0.0.1:${this.port}/0`
  }

  async start(): Promise<this> {
    this.child = spawn("redis-server", ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" })
    await waitFor(() => ping(this.port), 15_000, `redis-server on ${this.port}`, 100)
    return this
  }

  /** Freezes the server: connections stay open but nothing answers (as a stalled Redis). */
  freeze() {
    this.child?.kill("SIGSTOP")
  }

  thaw() {
    this.child?.kill("SIGCONT")
  }

  async stop(): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null) return
    this.thaw()
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve())
      child.kill("SIGTERM")
      setTimeout(() => child.kill("SIGKILL"), 5000).unref()
    })
  }

  async restart(): Promise<this> {
    await this.stop()
    return this.start()
  }
}

export async function startRedis(): Promise<TestRedis> {
  return new TestRedis(await freePort()).start()
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1")
    socket.once("error", () => resolve(false))
    socket.once("connect", () => socket.write("PING\r\n"))
    socket.once("data", (d) => {
      socket.destroy()
      resolve(d.toString().startsWith("+PONG"))
    })
  })
}
