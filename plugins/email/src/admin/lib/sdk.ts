import Medusa from "@medusajs/js-sdk"

// The dashboard's session cookie authenticates these calls.
export const sdk = new Medusa({
  baseUrl: (import.meta as unknown as { env: Record<string, string | undefined> }).env.VITE_BACKEND_URL || "/",
  auth: { type: "session" },
})
