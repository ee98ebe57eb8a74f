import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import type { InputConfigModules } from "@medusajs/framework/types"
import fs from "fs"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const port = process.env.PORT || "3001"
const backendUrl = process.env.MEDUSA_BACKEND_URL || `http://localhost:${port}`
const redisUrl = process.env.REDIS_URL
const workerMode = (process.env.MEDUSA_WORKER_MODE || "shared") as "shared" | "worker" | "server"

/** Secure cookies need TLS (or a proxy sending X-Forwarded-Proto); plain-http local runs must opt out. */
const cookieSecure = process.env.COOKIE_SECURE
  ? process.env.COOKIE_SECURE === "true"
  : backendUrl.startsWith("https://")

/**
 * With REDIS_URL, every piece of shared state moves to Redis so a server and a
 * worker process can split the work. Without it, Medusa's in-memory defaults serve.
 */
function redisModules(url: string): InputConfigModules {
  return [
    {
      key: Modules.EVENT_BUS,
      resolve: "@medusajs/medusa/event-bus-redis",
      options: {
        redisUrl: url,
        jobOptions: {
          removeOnComplete: { age: 3600, count: 1000 },
          removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
        },
      },
    },
    {
      key: Modules.WORKFLOW_ENGINE,
      resolve: "@medusajs/medusa/workflow-engine-redis",
      options: { redis: { redisUrl: url } },
    },
    {
      key: Modules.LOCKING,
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/locking-redis",
            id: "locking-redis",
            is_default: true,
            options: { redisUrl: url },
          },
        ],
      },
    },
    {
      key: Modules.CACHE,
      resolve: "@medusajs/medusa/cache-redis",
      options: { redisUrl: url },
    },
    {
      key: Modules.CACHING,
      resolve: "@medusajs/medusa/caching",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/caching-redis",
            id: "caching-redis",
            is_default: true,
            options: { redisUrl: url },
          },
        ],
      },
    },
  ]
}

/**
 * Medusa's Search Module with both engines registered. ELASTICSEARCH_URL makes Elasticsearch
 * the default; without it search-postgres serves the same index definitions (src/search).
 * search-postgres stays registered either way, so switching engines can drop old versions.
 */
function searchModule(): InputConfigModules[number] {
  const esUrl = process.env.ELASTICSEARCH_URL
  const caPath = process.env.ELASTICSEARCH_CA_CERT
  const synonyms = (process.env.SEARCH_SYNONYMS ?? "").split(";").map((g) => g.split(",").map((w) => w.trim()).filter(Boolean)).filter((g) => g.length > 1)
  return {
    key: Modules.SEARCH,
    resolve: "@medusajs/medusa/search",
    options: {
      index_prefix: process.env.SEARCH_INDEX_PREFIX || undefined,
      default_provider: esUrl ? "search-elasticsearch" : "search-postgres",
      reindex: { batch_size: esUrl ? 500 : 200 },
      providers: [
        { resolve: "@medusajs/medusa/search-postgres", id: "postgres" },
        ...(esUrl
          ? [{
              resolve: "./src/modules/search-elasticsearch",
              id: "elasticsearch",
              options: {
                node: esUrl.split(",").map((u) => u.trim()),
                api_key: process.env.ELASTICSEARCH_API_KEY || undefined,
                username: process.env.ELASTICSEARCH_USERNAME || undefined,
                password: process.env.ELASTICSEARCH_PASSWORD || undefined,
                ca: caPath ? fs.readFileSync(caPath, "utf8") : undefined,
                synonyms: synonyms.length ? synonyms : undefined,
                search_timeout_ms: Number(process.env.ELASTICSEARCH_SEARCH_TIMEOUT_MS) || undefined,
              },
            }]
          : []),
      ],
    },
  }
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || `http://localhost:5173,http://localhost:${port}`,
      authCors: process.env.AUTH_CORS || `http://localhost:5173,http://localhost:${port}`,
      jwtSecret: process.env.JWT_SECRET,
      cookieSecret: process.env.COOKIE_SECRET,
    },
    cookieOptions: { secure: cookieSecure, sameSite: "lax" },
  },
  admin: {
    disable: process.env.ADMIN_DISABLED === "true" || workerMode === "worker",
    path: "/app",
    backendUrl: process.env.MEDUSA_BACKEND_URL || "/",
  },
  modules: [
    {
      key: Modules.FILE,
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: { upload_dir: "static", backend_url: `${backendUrl}/static` },
          },
        ],
      },
    },
    ...(redisUrl ? redisModules(redisUrl) : []),
    searchModule(),
  ],
})
