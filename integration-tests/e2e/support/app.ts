import fs from "fs"
import os from "os"
import path from "path"
import { createDatabase, dropDatabase, freePort, startMedusa as startMedusaIn, waitFor, type MedusaProcess } from "@indus/test-kit"

// Shared with `npm start`, so the e2e suites exercise the same start-up pieces.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { medusa, ROOT } = require("../../../scripts/lib/run")

export { ROOT, dropDatabase, freePort, waitFor }

export const ADMIN = { email: "e2e-admin@example.com", password: "e2e-admin-password-1" }

/** A database of its own, migrated and bootstrapped exactly as `npm start` does. */
export async function prepareDatabase(name: string, port: number, extraEnv: Record<string, string> = {}) {
  const env = baseEnv({ DATABASE_URL: await createDatabase(name), ...extraEnv })
  await medusa(["db:migrate"], { env })
  const summaryFile = path.join(os.tmpdir(), `bootstrap-${name}.json`)
  await medusa(["exec", "./src/scripts/bootstrap.ts"], {
    // PORT only tells the seed which URL serves the product images.
    env: { ...env, PORT: String(port), BOOTSTRAP_SUMMARY_FILE: summaryFile, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
  })
  const summary = JSON.parse(fs.readFileSync(summaryFile, "utf8"))
  fs.rmSync(summaryFile)
  return { env, summary: summary as { publishable_key: string; product_count: number } }
}


export function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of ["PORT", "REDIS_URL", "MEDUSA_WORKER_MODE", "JEST_WORKER_ID", "NODE_OPTIONS"]) delete env[key]
  return {
    ...env,
    NODE_ENV: "production",
    JWT_SECRET: "e2e-jwt-secret",
    COOKIE_SECRET: "e2e-cookie-secret",
    LOG_LEVEL: "info",
    ...extra,
  }
}

export type RunningMedusa = MedusaProcess

/** `medusa start` of this app as its own process group, as a deployment would run it. */
export const startMedusa = (env: NodeJS.ProcessEnv, port: number): Promise<RunningMedusa> => startMedusaIn(ROOT, env, port)
