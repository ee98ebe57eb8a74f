import type { CodRules } from "../../../modules/payment-cod/eligibility"
import { rupeesToPaise } from "../../../modules/payment-upi/helpers"

type Env = Record<string, string | undefined>

const list = (v: string | undefined) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean)

function paiseOf(env: Env, name: string): number | undefined {
  const raw = env[name]
  if (raw === undefined || raw.trim() === "") return undefined
  const paise = rupeesToPaise(raw)
  if (paise === null) throw new Error(`${name}="${raw}" is not a rupee amount (e.g. 199 or 199.50)`)
  return paise
}

/** COD rules from env (rupee amounts, comma-separated lists). A bad amount fails loudly with its name. */
export function codRulesFromEnv(env: Env = process.env): CodRules {
  return {
    minTotalPaise: paiseOf(env, "COD_MIN_TOTAL"),
    maxTotalPaise: paiseOf(env, "COD_MAX_TOTAL"),
    blockedPincodes: list(env.COD_BLOCKED_PINCODES),
    allowedShippingOptions: list(env.COD_SHIPPING_OPTIONS),
    feePaise: paiseOf(env, "COD_FEE") ?? 0,
  }
}
