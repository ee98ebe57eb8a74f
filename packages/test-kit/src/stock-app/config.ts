export type StockPlugin = { resolve: string; options?: Record<string, unknown> }
export type StockModule = { key?: string; resolve: string; options?: Record<string, unknown> }

/**
 * medusa-config.ts of a stock Medusa app, as `create-medusa-app` writes it, plus the plugins and
 * modules a test installs. Everything comes from env or from JSON written here: no project code.
 */
export function stockConfigSource(plugins: StockPlugin[], modules: StockModule[]): string {
  return `import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL || undefined,
    http: {
      storeCors: process.env.STORE_CORS!,
      adminCors: process.env.ADMIN_CORS!,
      authCors: process.env.AUTH_CORS!,
      jwtSecret: process.env.JWT_SECRET,
      cookieSecret: process.env.COOKIE_SECRET,
    },
  },
  admin: { disable: true },
  plugins: ${JSON.stringify(plugins, null, 2)},
  modules: ${JSON.stringify(modules, null, 2)},
})
`
}

/** The stock app's tsconfig.json (Medusa's starter), which Medusa reads to load TypeScript. */
export const STOCK_TSCONFIG = {
  compilerOptions: {
    target: "ES2021",
    esModuleInterop: true,
    module: "Node16",
    moduleResolution: "Node16",
    emitDecoratorMetadata: true,
    experimentalDecorators: true,
    skipLibCheck: true,
    declaration: false,
    inlineSourceMap: true,
    outDir: "./.medusa/server",
    rootDir: "./",
    jsx: "react-jsx",
    resolveJsonModule: true,
    strictNullChecks: true,
  },
  "ts-node": { swc: true },
  include: ["**/*", ".medusa/types/*"],
  exclude: ["node_modules", ".medusa/server", ".medusa/admin", ".cache"],
}
