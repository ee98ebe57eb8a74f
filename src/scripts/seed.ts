import type { ExecArgs } from "@medusajs/framework/types"
import { seedDemoShop } from "./seed/demo-shop"

/** `npm run seed`: the demo shop, idempotently. */
export default async function seed({ container }: ExecArgs) {
  const backendUrl = process.env.MEDUSA_BACKEND_URL || `http://localhost:${process.env.PORT || 3001}`
  const result = await seedDemoShop(container, { backendUrl })
  console.log(JSON.stringify(result, null, 2))
}
