/**
 * The File Module's one provider, from env, for medusa-config.ts. With S3_BUCKET set: the
 * S3-behind-CloudFront provider of @indus/files; otherwise Medusa's local provider serving
 * `static/` from the API. `summary` is the start-up line (never a secret).
 */
import { options as s3CloudFrontOptions } from "@indus/files/options"
import type { OptionsError } from "@indus/plugin-options"

type Env = Record<string, string | undefined>
type ProviderEntry = { resolve: string; id: string; options: Record<string, unknown> }

export class FileConfigError extends Error {}

/** Which variable sets which provider option, to name the variable when an option is refused. */
const ENV_OF: Record<string, string> = {
  bucket: "S3_BUCKET",
  region: "S3_REGION",
  file_url: "S3_FILE_URL",
  prefix: "S3_PREFIX",
  private_prefix: "S3_PRIVATE_PREFIX",
  download_file_duration: "S3_DOWNLOAD_URL_TTL",
  access_key_id: "S3_ACCESS_KEY_ID",
  secret_access_key: "S3_SECRET_ACCESS_KEY",
  session_token: "S3_SESSION_TOKEN",
  endpoint: "S3_ENDPOINT",
}

/** "/shop/img" -> "shop/img/"; unset -> undefined (the provider's default). */
const folder = (v: string | undefined) => {
  const p = (v ?? "").trim().replace(/^\/+/, "")
  if (!p) return undefined
  return p.endsWith("/") ? p : `${p}/`
}

function ttl(v: string | undefined): number | undefined {
  if (!v) return undefined
  if (!/^\d+$/.test(v.trim())) throw new FileConfigError(`S3_DOWNLOAD_URL_TTL must be whole seconds between 1 and 604800, got "${v}"`)
  return Number(v)
}

const nonEmpty = (v: string | undefined) => v?.trim() || undefined

export function fileProviderFromEnv(env: Env, backendUrl: string): { provider: ProviderEntry; summary: string } {
  const backend = backendUrl.replace(/\/+$/, "")
  if (!env.S3_BUCKET) {
    return {
      provider: { resolve: "@medusajs/medusa/file-local", id: "local", options: { upload_dir: "static", backend_url: `${backend}/static` } },
      summary: `Files: local disk (static/, served at ${backend}/static; S3_BUCKET not set)`,
    }
  }
  const missing = ["S3_REGION", "S3_FILE_URL"].filter((k) => !env[k])
  if (missing.length) throw new FileConfigError(`S3_BUCKET is set but ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not`)

  const raw = {
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    file_url: env.S3_FILE_URL!.trim(),
    prefix: folder(env.S3_PREFIX),
    private_prefix: folder(env.S3_PRIVATE_PREFIX),
    download_file_duration: ttl(env.S3_DOWNLOAD_URL_TTL),
    access_key_id: nonEmpty(env.S3_ACCESS_KEY_ID),
    secret_access_key: nonEmpty(env.S3_SECRET_ACCESS_KEY),
    session_token: nonEmpty(env.S3_SESSION_TOKEN),
    endpoint: nonEmpty(env.S3_ENDPOINT),
  }
  let options
  try {
    options = s3CloudFrontOptions.parse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)))
  } catch (e) {
    if (!(e instanceof Error && e.name === "OptionsError")) throw e
    // "private_prefix: …" -> "S3_PRIVATE_PREFIX (private_prefix): …"; secrets are never part of a message.
    throw new FileConfigError((e as OptionsError).problems.map((p) => p.replace(/^(\w+):/, (m, name) => (ENV_OF[name] ? `${ENV_OF[name]} (${name}):` : m))).join("; "))
  }
  return {
    // The id stays "s3": Medusa keys the provider by it.
    provider: { resolve: "@indus/files/providers/s3-cloudfront", id: "s3", options },
    summary:
      `Files: S3 bucket ${options.bucket} (${options.region}${options.endpoint ? `, endpoint ${options.endpoint}` : ""}), ` +
      `public ${options.prefix} via ${options.file_url}, private ${options.private_prefix} via presigned URLs, ` +
      `${options.access_key_id ? "access keys" : "IAM role"}`,
  }
}
