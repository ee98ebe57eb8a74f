import { z } from "@medusajs/framework/zod"
import { OptionsError } from "./define-options"

type Env = Record<string, string | undefined>
type Spec = Record<string, z.ZodType>

const SECRET_NAME = /SECRET|PASSWORD|TOKEN|KEY|CREDENTIAL/i

/**
 * Reads and validates environment variables in one go (in medusa-config.ts, the only place env is
 * read). An empty variable counts as unset. Every bad variable is named in one error, with its
 * value shown unless the name looks like a secret.
 */
export function readEnv<S extends Spec>(spec: S, source: Env = process.env): { [K in keyof S]: z.output<S[K]> } {
  const out: Record<string, unknown> = {}
  const problems: string[] = []
  for (const [name, schema] of Object.entries(spec)) {
    const raw = source[name] === "" ? undefined : source[name]
    const result = schema.safeParse(raw)
    if (result.success) {
      out[name] = result.data
      continue
    }
    const shown = raw === undefined ? "(unset)" : SECRET_NAME.test(name) ? "(hidden)" : JSON.stringify(raw.slice(0, 80))
    problems.push(`${name}=${shown}: ${result.error.issues.map((i) => i.message).join("; ")}`)
  }
  if (problems.length) throw new OptionsError("environment", problems)
  return out as { [K in keyof S]: z.output<S[K]> }
}

const TRUE = ["true", "1", "on", "yes"]
const FALSE = ["false", "0", "off", "no"]

/** Schemas for the usual shapes of an environment variable. */
export const env = {
  string: () => z.string().optional(),
  required: (what = "a value") => z.string({ error: `required: ${what}` }),
  int: (opts: { min?: number; max?: number } = {}) =>
    z
      .string()
      .regex(/^-?\d+$/, "expected a whole number")
      .transform(Number)
      .pipe(z.number().int().min(opts.min ?? Number.MIN_SAFE_INTEGER).max(opts.max ?? Number.MAX_SAFE_INTEGER))
      .optional(),
  bool: () =>
    z
      .string()
      .refine((v) => TRUE.includes(v.toLowerCase()) || FALSE.includes(v.toLowerCase()), `expected one of ${[...TRUE, ...FALSE].join(", ")}`)
      .transform((v) => TRUE.includes(v.toLowerCase()))
      .optional(),
  list: (separator = ",") =>
    z
      .string()
      .transform((v) => v.split(separator).map((s) => s.trim()).filter(Boolean))
      .optional(),
  url: () => z.url({ error: "expected a URL" }).optional(),
  oneOf: <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional(),
}
