import { seedDemoShop } from "/work/main/src/scripts/seed/demo-shop"
export default async function ({ container }: any) {
  const t = Date.now()
  await seedDemoShop(container, { backendUrl: "http://localhost:3001", staticDir: "/work/main/.data/test-static" })
  console.log("SEED_MS", Date.now() - t)
}
