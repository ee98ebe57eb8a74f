/**
 * The File Module's one provider, from env, for medusa-config.ts. With S3_BUCKET set: our
 * S3-behind-CloudFront provider (src/modules/file-s3-cloudfront); otherwise Medusa's local
 * provider serving `static/` from the API. `summary` is the start-up line (never a secret).
 */
import { checkPrefixes } from "../../modules/file-s3-cloudfront/prefixes"

type Env = Record<string, string | undefined>
type ProviderEntry = { resolve: string; id: string; options: Record<string, unknown> }

export const DEFAULT_PUBLIC_PREFIX = "media/"
export const DEFAULT_PRIVATE_PREFIX = "private/"
/** Presigned GETs of private files (exports, reconciliation CSVs) live this long by default, seconds. */
export const DEFAULT_DOWNLOAD_URL_TTL = 900

export class FileConfigError extends Error {}

const folder = (v: string | undefined, fallback: string) => {
  const p = (v ?? "").trim().replace(/^\/+/, "")
  if (!p) return fallback
  return p.endsWith("/") ? p : `${p}/`
}

function ttl(v: string | undefined): number {
  if (!v) return DEFAULT_DOWNLOAD_URL_TTL
  const n = Number(v)
  // SigV4 presigned URLs are valid for at most 7 days.
  if (!Number.isInteger(n) || n < 1 || n > 604800) throw new FileConfigError(`S3_DOWNLOAD_URL_TTL must be whole seconds between 1 and 604800, got "${v}"`)
  return n
}

export function fileProviderFromEnv(env: Env, backendUrl: string): { provider: ProviderEntry; summary: string } {
  if (!env.S3_BUCKET) {
    return {
      provider: {
        resolve: "@medusajs/medusa/file-local",
        id: "local",
        options: { upload_dir: "static", backend_url: `${backendUrl.replace(/\/+$/, "")}/static` },
      },
      summary: `Files: local disk (static/, served at ${backendUrl.replace(/\/+$/, "")}/static; S3_BUCKET not set)`,
    }
  }
  const missing = ["S3_REGION", "S3_FILE_URL"].filter((k) => !env[k])
  if (missing.length) throw new FileConfigError(`S3_BUCKET is set but ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not`)
  if (!!env.S3_ACCESS_KEY_ID !== !!env.S3_SECRET_ACCESS_KEY)
    throw new FileConfigError("set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither to use the IAM role")

  const fileUrl = env.S3_FILE_URL!.trim().replace(/\/+$/, "")
  if (!/^https?:\/\/[^/]/.test(fileUrl)) throw new FileConfigError(`S3_FILE_URL must be the CloudFront base URL like https://cdn.example.com, got "${env.S3_FILE_URL}"`)
  const prefix = folder(env.S3_PREFIX, DEFAULT_PUBLIC_PREFIX)
  const privatePrefix = folder(env.S3_PRIVATE_PREFIX, DEFAULT_PRIVATE_PREFIX)
  const problem = checkPrefixes(prefix, privatePrefix)
  if (problem) throw new FileConfigError(`S3_PREFIX/S3_PRIVATE_PREFIX: ${problem}`)

  const keys = env.S3_ACCESS_KEY_ID
    ? { access_key_id: env.S3_ACCESS_KEY_ID, secret_access_key: env.S3_SECRET_ACCESS_KEY, session_token: env.S3_SESSION_TOKEN || undefined }
    : { authentication_method: "s3-iam-role" }
  const endpoint = env.S3_ENDPOINT?.trim() || undefined
  return {
    provider: {
      resolve: "./src/modules/file-s3-cloudfront",
      id: "s3",
      options: {
        bucket: env.S3_BUCKET,
        region: env.S3_REGION,
        file_url: fileUrl,
        prefix,
        private_prefix: privatePrefix,
        download_file_duration: ttl(env.S3_DOWNLOAD_URL_TTL),
        // Bucket owner enforced + Block Public Access: no ACL header at all (a canned ACL is a 400).
        acl: false,
        ...keys,
        ...(endpoint ? { endpoint } : {}),
        additional_client_config: {
          // SDK >= 3.729 signs a CRC32 of the empty body into presigned PUTs; browsers' PUTs then fail.
          requestChecksumCalculation: "WHEN_REQUIRED",
          responseChecksumValidation: "WHEN_REQUIRED",
          // S3-compatible stores and local test servers want bucket-in-path URLs.
          ...(endpoint ? { forcePathStyle: true } : {}),
        },
      },
    },
    summary:
      `Files: S3 bucket ${env.S3_BUCKET} (${env.S3_REGION}${endpoint ? `, endpoint ${endpoint}` : ""}), ` +
      `public ${prefix} via ${fileUrl}, private ${privatePrefix} via presigned URLs, ` +
      `${env.S3_ACCESS_KEY_ID ? "access keys" : "IAM role"}`,
  }
}
