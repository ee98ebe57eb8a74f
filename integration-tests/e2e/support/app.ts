import crypto from "crypto"
import { Client } from "pg"
import { dropDatabase, freePort, startMedusa as startMedusaIn, waitFor, type MedusaProcess } from "@indus/test-kit"

// Shared with `npm start`, so the e2e suites exercise the same start-up pieces.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { medusa, ROOT } = require("../../../scripts/lib/run")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureTemplate, cloneDatabase } = require("../../../scripts/lib/test-databases")

export { ROOT, dropDatabase, freePort, waitFor }

export const ADMIN = { email: "e2e-admin@example.com", password: "e2e-admin-password-1" }

/** The port the template's seed writes into product image URLs; rewritten for each clone. */
const TEMPLATE_PORT = 3999

/**
 * A database of its own, migrated and bootstrapped exactly as `npm start` does. The migrate and
 * bootstrap run once per distinct environment (the seed depends on which providers are
 * configured; Redis only on whether it is used) into a template database, which each suite
 * clones in about a second.
 */
export async function prepareDatabase(name: string, port: number, extraEnv: Record<string, string> = {}) {
  const env = baseEnv(extraEnv)
  const { REDIS_URL, ...shaping } = extraEnv
  const key = crypto.createHash("sha256").update(JSON.stringify({ ...shaping, redis: !!REDIS_URL })).digest("hex").slice(0, 8)
  const template = await ensureTemplate(`indus_e2e_${key}`, async (url: string) => {
    const buildEnv = { ...env, DATABASE_URL: url }
    await medusa(["db:migrate"], { env: buildEnv })
    await medusa(["exec", "./src/scripts/bootstrap.ts"], {
      // PORT only tells the seed which URL serves the product images.
      env: { ...buildEnv, PORT: String(TEMPLATE_PORT), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
    })
  })
  env.DATABASE_URL = await cloneDatabase(template, name)
  return { env, summary: await adoptClone(env.DATABASE_URL as string, port) }
}

/** Points the clone's product images at this suite's port and reads what the bootstrap would have printed. */
async function adoptClone(url: string, port: number) {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    const from = `http://localhost:${TEMPLATE_PORT}/`
    const to = `http://localhost:${port}/`
    await client.query("UPDATE image SET url = replace(url, $1, $2)", [from, to])
    await client.query("UPDATE product SET thumbnail = replace(thumbnail, $1, $2) WHERE thumbnail IS NOT NULL", [from, to])
    // The storefront key is the one on the store's default sales channel (Medusa also creates a
    // "Default Publishable API Key" on a channel the seed puts no products in).
    const key = await client.query(
      `SELECT k.token FROM api_key k
         JOIN publishable_api_key_sales_channel l ON l.publishable_key_id = k.id AND l.deleted_at IS NULL
         JOIN store s ON s.default_sales_channel_id = l.sales_channel_id AND s.deleted_at IS NULL
        WHERE k.type = 'publishable' AND k.deleted_at IS NULL AND k.revoked_at IS NULL
        ORDER BY k.created_at LIMIT 1`
    )
    const products = await client.query("SELECT count(*)::int AS n FROM product WHERE deleted_at IS NULL")
    return { publishable_key: key.rows[0]?.token as string, product_count: products.rows[0].n as number }
  } finally {
    await client.end()
  }
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
