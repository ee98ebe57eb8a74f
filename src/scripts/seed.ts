import type { ExecArgs } from "@medusajs/framework/types"
import { seedDemoShop } from "./seed/demo-shop"
import { appConfig } from "../config"

/** `npm run seed`: the demo shop, idempotently. */
export default async function seed({ container }: ExecArgs) {
  const backendUrl = process.env.MEDUSA_BACKEND_URL || `http://localhost:${appConfig().server.port}`
  const result = await seedDemoShop(container, { backendUrl })
  console.log(JSON.stringify(result, null, 2))
}
