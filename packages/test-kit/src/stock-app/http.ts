/** A small JSON client for a running Medusa app's HTTP API (admin token or publishable key). */
export class MedusaHttp {
  constructor(readonly baseUrl: string, private headers: Record<string, string> = {}) {}

  with(headers: Record<string, string>): MedusaHttp {
    return new MedusaHttp(this.baseUrl, { ...this.headers, ...headers })
  }

  async request<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T; headers: Headers }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { "content-type": "application/json", ...this.headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    let data: any = text
    try {
      data = text ? JSON.parse(text) : undefined
    } catch {}
    return { status: res.status, data, headers: res.headers }
  }

  /** Like request, but throws with the answer unless it is 2xx. */
  async ok<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request<T>(method, path, body)
    if (res.status < 200 || res.status > 299) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(res.data).slice(0, 500)}`)
    return res.data
  }

  get = <T = any>(path: string) => this.ok<T>("GET", path)
  post = <T = any>(path: string, body: unknown = {}) => this.ok<T>("POST", path, body)
}

/** Staff login against /auth/user/emailpass, returning a client that sends the bearer token. */
export async function adminClient(baseUrl: string, email: string, password: string): Promise<MedusaHttp> {
  const { token } = await new MedusaHttp(baseUrl).post<{ token: string }>("/auth/user/emailpass", { email, password })
  return new MedusaHttp(baseUrl, { authorization: `Bearer ${token}` })
}
