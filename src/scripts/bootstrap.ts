import fs from "fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { appConfig } from "../config"
import { ensureAdminUser } from "./seed/admin-user"
import { seedDemoShop } from "./seed/demo-shop"

/**
 * Run by `npm start` after migrations: demo data (unless SEED_DEMO_DATA=false),
 * the admin user, and a summary for the start banner written to
 * BOOTSTRAP_SUMMARY_FILE (the caller deletes it right after reading).
 */
export default async function bootstrap({ container }: ExecArgs) {
  const { port, seedDemoData } = appConfig().server
  const backendUrl = process.env.MEDUSA_BACKEND_URL || `http://localhost:${port}`
  const seeded = seedDemoData ? await seedDemoShop(container, { backendUrl }) : null

  const admin = await ensureAdminUser(container, {
    email: process.env.ADMIN_EMAIL || "admin@example.com",
    password: process.env.ADMIN_PASSWORD || undefined,
  })

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const regions = await container.resolve(Modules.REGION).listRegions({}, { select: ["name"] })
  const { metadata } = await query.graph({ entity: "product", fields: ["id"], pagination: { take: 1, skip: 0 } })
  const anyKey = (await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })).find((k) => !k.revoked_at)

  const summary = {
    publishable_key: seeded?.publishable_key ?? anyKey?.token ?? null,
    admin_email: admin.email,
    admin_password: admin.generated_password,
    admin_password_source: process.env.ADMIN_PASSWORD
      ? "from ADMIN_PASSWORD"
      : "generated and printed on first start (set ADMIN_PASSWORD and restart to reset it)",
    product_count: metadata?.count ?? 0,
    region_names: regions.map((r) => r.name),
  }
  if (process.env.BOOTSTRAP_SUMMARY_FILE) {
    fs.writeFileSync(process.env.BOOTSTRAP_SUMMARY_FILE, JSON.stringify(summary), { mode: 0o600 })
  } else {
    // Containers have no start banner: say it here, the password only the one time it was generated.
    console.log(`[bootstrap] publishable key: ${summary.publishable_key}; admin login: ${summary.admin_email}`)
    if (summary.admin_password) console.log(`[bootstrap] generated admin password (shown once): ${summary.admin_password}`)
  }
}
