import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import type { InputConfigModules } from "@medusajs/framework/types"
import { installLogFormat } from "@indus/observability"
import { installRequestContextHook } from "@indus/observability"
import { paymentModuleOptions } from "./src/lib/payments/providers-config"
import { fileProviderFromEnv } from "./src/lib/files/file-config"
import { emailDeliveryFromEnv, OUTBOX_PROVIDER_ID } from "./src/lib/email/delivery-config"
import { readAppConfig } from "./src/config"
import fs from "fs"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// Every number, switch and choice in the environment, validated before anything starts: a bad
// value stops here with the variable's name (src/config).
const app = readAppConfig(process.env)

// JSON log lines carry the request id and never secrets or customer PII (docs/operations.md).
installLogFormat()
if (app.ops.stackEnabled && app.ops.requestContextEnabled) installRequestContextHook()

const port = app.server.port
const backendUrl = process.env.MEDUSA_BACKEND_URL || `http://localhost:${port}`
const redisUrl = process.env.REDIS_URL
const workerMode = app.server.workerMode

const payments = paymentModuleOptions(process.env)
// One start-up line naming the payment providers that are on; printed once per process.
const g = globalThis as { __paymentsSummaryPrinted?: boolean }
if (!g.__paymentsSummaryPrinted && process.env.NODE_ENV !== "test") {
  g.__paymentsSummaryPrinted = true
  console.info(payments.summary)
}

// Files: @indus/files' S3-behind-CloudFront provider with S3_BUCKET, else local disk served at /static (docs/files.md).
const files = fileProviderFromEnv(process.env, backendUrl)
const gf = globalThis as { __filesSummaryPrinted?: boolean }
if (!gf.__filesSummaryPrinted && process.env.NODE_ENV !== "test") {
  gf.__filesSummaryPrinted = true
  console.info(files.summary)
}

/** Secure cookies need TLS (or a proxy sending X-Forwarded-Proto); plain-http local runs must opt out. */
const cookieSecure = app.server.cookieSecure ?? backendUrl.startsWith("https://")

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
        // BullMQ's Worker default is 1: one slow subscriber would hold up every event.
        workerOptions: { concurrency: app.server.eventBusConcurrency },
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
 * Shop analytics (Medusa's Analytics Module takes exactly one provider): Elasticsearch data
 * streams when ELASTICSEARCH_URL is set, else a table in the shop's PostgreSQL.
 */
function analyticsModule(): InputConfigModules {
  if (app.analytics.disabled) return []
  const es = process.env.ELASTICSEARCH_URL
  const provider = es
    ? {
        resolve: "./src/modules/analytics-elasticsearch",
        id: "elasticsearch",
        options: {
          node: es.split(",").map((u) => u.trim()),
          ca: process.env.ELASTICSEARCH_CA_CERT ? fs.readFileSync(process.env.ELASTICSEARCH_CA_CERT, "utf8") : undefined,
          apiKey: process.env.ELASTICSEARCH_API_KEY || undefined,
          username: process.env.ELASTICSEARCH_USERNAME || undefined,
          password: process.env.ELASTICSEARCH_PASSWORD || undefined,
          dataStreamPrefix: process.env.ANALYTICS_ES_PREFIX || "shop",
        },
      }
    : { resolve: "./src/modules/analytics-postgres", id: "postgres", options: {} }
  return [{ key: Modules.ANALYTICS, resolve: "@medusajs/medusa/analytics", options: { providers: [provider] } }]
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
                search_timeout_ms: app.search.elasticsearchTimeoutMs,
              },
            }]
          : []),
      ],
    },
  }
}

/**
 * Medusa's default notification setup (notification-local on `feed`, the admin bell) plus an
 * `email` channel served by @indus/email's providers: Amazon SES when SES_REGION and EMAIL_FROM
 * are set, else its local outbox (src/lib/email/delivery-config.ts, docs/email.md).
 */
function notificationModule(): InputConfigModules[number] {
  const email = emailDeliveryFromEnv(process.env)
  const g = globalThis as { __emailSummaryPrinted?: boolean }
  if (!g.__emailSummaryPrinted && process.env.NODE_ENV !== "test") {
    g.__emailSummaryPrinted = true
    console.info(email.summary)
  }
  return {
    key: Modules.NOTIFICATION,
    resolve: "@medusajs/medusa/notification",
    options: {
      providers: [
        { resolve: "@medusajs/medusa/notification-local", id: "local", options: { name: "Local Notification Provider", channels: ["feed"] } },
        email.provider,
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
    disable: app.server.adminDisabled || workerMode === "worker",
    path: "/app",
    backendUrl: process.env.MEDUSA_BACKEND_URL || "/",
  },
  plugins: [
    // Shop e-mail: subscribers, the e-mail log (module email_log) and the admin "E-mails" page;
    // the messages are rendered by the shop's own templates in src/emails.
    { resolve: "@indus/email", options: { templates: "./src/emails", outbox_provider_id: OUTBOX_PROVIDER_ID } },
  ],
  modules: [
    // Staff audit log: every /admin mutation, kept AUDIT_LOG_RETENTION_DAYS days.
    { resolve: "./src/modules/audit-log" },
    {
      key: Modules.FILE,
      resolve: "@medusajs/medusa/file",
      options: { providers: [files.provider] },
    },
    {
      key: Modules.PAYMENT,
      resolve: "@medusajs/medusa/payment",
      options: payments.options,
    },
    // Webhook dedupe and payment incidents (failed payments, failed refunds) shown to staff.
    { resolve: "./src/modules/payment-audit" },
    // UPI-direct UTRs (unique across orders) and the staff decisions on UPI and COD payments.
    { resolve: "./src/modules/offline-payments" },
    ...(redisUrl ? redisModules(redisUrl) : []),
    ...analyticsModule(),
    searchModule(),
    notificationModule(),
    // Recommendations: computed nightly by src/jobs/recommendations-refresh.ts.
    { resolve: "./src/modules/recommendations" },
  ],
})
