import type { MedusaContainer } from "@medusajs/framework/types"
import { seedDemoShop } from "../../src/scripts/seed/demo-shop"

export type { SeedResult } from "../../src/scripts/seed/demo-shop"

/** The demo shop, seeded exactly as `npm start` does; images go to a git-ignored folder. */
export const seedDemo = (container: MedusaContainer) =>
  seedDemoShop(container, { backendUrl: "http://localhost:3001", staticDir: ".data/test-static" })
