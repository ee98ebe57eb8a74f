/** What every shop e-mail says about the shop, and where its links point. From env, read at render time. */
export type ShopConfig = {
  name: string
  logoUrl?: string
  address?: string
  supportEmail?: string
  /** storefront base, for customer links (password reset, cart) */
  storefrontUrl: string
  /** admin dashboard base (…/app), for staff links (invite, password reset) */
  adminUrl: string
}

const trimSlash = (u: string) => u.replace(/\/+$/, "")

export function shopConfig(env: NodeJS.ProcessEnv = process.env): ShopConfig {
  const backend = env.MEDUSA_BACKEND_URL || `http://localhost:${env.PORT || 3001}`
  return {
    name: env.SHOP_NAME || "Indus Shop",
    logoUrl: env.SHOP_LOGO_URL || undefined,
    address: env.SHOP_ADDRESS || undefined,
    supportEmail: env.SHOP_SUPPORT_EMAIL || undefined,
    storefrontUrl: trimSlash(env.STOREFRONT_URL || "http://localhost:8000"),
    adminUrl: trimSlash(env.MEDUSA_ADMIN_URL || `${trimSlash(backend)}/app`),
  }
}
