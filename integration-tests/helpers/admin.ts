import type { AxiosInstance } from "axios"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ensureAdminUser } from "../../src/scripts/seed/admin-user"

export const ADMIN = { email: "staff@example.com", password: "correct-horse-battery" }

/** Creates the staff user and returns axios options carrying its bearer token. */
export async function adminAuth(api: AxiosInstance, container: MedusaContainer) {
  await ensureAdminUser(container, ADMIN)
  const { data } = await api.post("/auth/user/emailpass", ADMIN)
  return { headers: { authorization: `Bearer ${data.token}` } }
}
