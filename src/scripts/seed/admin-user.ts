import crypto from "crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUsersWorkflow } from "@medusajs/medusa/core-flows"

export type AdminUserResult = {
  email: string
  /** Only set when this run generated the password: show it once, store it nowhere. */
  generated_password?: string
  created: boolean
}

/**
 * Makes sure a staff user can log in to /app. ADMIN_PASSWORD, when given, is
 * the truth (set on create, reset on later runs); without it a strong password
 * is generated on first creation only.
 */
export async function ensureAdminUser(
  container: MedusaContainer,
  { email, password }: { email: string; password?: string }
): Promise<AdminUserResult> {
  const users = container.resolve(Modules.USER)
  const auth = container.resolve(Modules.AUTH)
  const [existing] = await users.listUsers({ email })

  if (existing) {
    if (password) {
      const { success, error } = await auth.updateProvider("emailpass", { entity_id: email, password })
      if (!success) throw new Error(`could not set the admin password: ${error}`)
    }
    return { email, created: false }
  }

  const generated = password ? undefined : crypto.randomBytes(12).toString("base64url")
  const { result } = await createUsersWorkflow(container).run({ input: { users: [{ email }] } })
  const { authIdentity, error } = await auth.register("emailpass", {
    body: { email, password: (password ?? generated) as string },
  })
  if (error || !authIdentity) throw new Error(`could not register the admin login: ${error}`)
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: result[0].id } })
  return { email, created: true, generated_password: generated }
}
