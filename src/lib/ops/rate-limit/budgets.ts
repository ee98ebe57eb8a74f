/** Route classes and their budgets. Pure: parsing and classification only. */

export type RouteClass = "auth" | "checkout" | "catalog" | "admin" | "payment_proof"
export type Budget = { points: number; durationS: number }

export const DEFAULT_BUDGETS: Record<RouteClass, string> = {
  auth: "10/5m", // logins, registrations, password resets: per IP and per e-mail
  checkout: "120/1m", // carts, payment sessions, customer account
  catalog: "600/1m", // products, categories, search
  admin: "1200/1m", // staff, per user
  payment_proof: "10/10m", // UPI UTR submissions: a shopper reports one, maybe corrects a typo
}

const UNIT_S: Record<string, number> = { s: 1, m: 60, h: 3600 }

/** "10/5m" → 10 requests per 300 s. Throws with the offending variable's name on bad input. */
export function parseBudget(text: string, name = "budget"): Budget {
  const m = /^\s*(\d+)\s*\/\s*(\d+)?\s*([smh])\s*$/.exec(text)
  const points = m ? Number(m[1]) : NaN
  const durationS = m ? Number(m[2] ?? 1) * UNIT_S[m[3]] : NaN
  if (!m || points < 1 || durationS < 1) {
    throw new Error(`${name}="${text}" is not a rate budget; use <requests>/<window>, e.g. 10/5m, 600/1m, 5000/1h`)
  }
  return { points, durationS }
}

/** Which budget a request draws from; null = not limited (health, metrics, webhooks, admin UI assets). */
export function classify(method: string, path: string): RouteClass | null {
  if (path.startsWith("/hooks/") || path.startsWith("/health") || path === "/metrics") return null
  if (path.startsWith("/auth/")) {
    // Guessing happens on login, register, reset-password and update. Turning a token into a
    // session or refreshing it needs a valid token already, and logout/session reads are free.
    if (method !== "POST" || path === "/auth/session" || path === "/auth/token/refresh") return null
    return "auth"
  }
  if (path.startsWith("/store/")) {
    if (method === "POST" && /^\/store\/upi\//.test(path)) return "payment_proof"
    if (/^\/store\/(carts|payment-collections|orders|customers|returns|shipping-options)(\/|$)/.test(path)) return "checkout"
    return "catalog"
  }
  if (path.startsWith("/admin/")) return "admin"
  return null
}
