import { z } from "@medusajs/framework/zod"
import { parseBudget, type Budget } from "../lib/ops/rate-limit/budgets"
import { rupeesToPaise } from "../modules/payment-upi/helpers"

/** Values read from the environment: one zod schema per variable, as `readEnv` takes them. */
export type EnvSpec = Record<string, z.ZodType>
export type EnvOf<S extends EnvSpec> = { [K in keyof S]: z.output<S[K]> }

/** Shapes the shop's variables have beyond @indus/plugin-options' `env` helpers. */
export const shapes = {
  /** A number from 0 to 1 ("0.1"), e.g. a sample rate. */
  fraction: () =>
    z
      .string()
      .regex(/^(?:0(?:\.\d+)?|1(?:\.0+)?|\.\d+)$/, "expected a number from 0 to 1, e.g. 0.1")
      .transform(Number)
      .optional(),
  /** A cron expression of 5 or 6 fields ("30 * * * *"). */
  cron: () =>
    z
      .string()
      .transform((v) => v.trim().replace(/\s+/g, " "))
      .refine((v) => [5, 6].includes(v.split(" ").length), "expected a cron expression of 5 or 6 fields, e.g. 30 * * * *")
      .optional(),
  /** A rate budget "<requests>/<window>" ("10/5m"). */
  budget: () =>
    z
      .string()
      .transform((v, ctx): Budget => {
        try {
          return parseBudget(v)
        } catch {
          ctx.addIssue({ code: "custom", message: "expected <requests>/<window>, e.g. 10/5m, 600/1m, 5000/1h" })
          return z.NEVER
        }
      })
      .optional(),
  /** Rupees ("199", "199.50", "1,999") as integer paise. */
  rupees: () =>
    z
      .string()
      .transform((v, ctx) => {
        const paise = rupeesToPaise(v)
        if (paise === null) {
          ctx.addIssue({ code: "custom", message: "expected a rupee amount, e.g. 199 or 199.50" })
          return z.NEVER
        }
        return paise
      })
      .optional(),
}
