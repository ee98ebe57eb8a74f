import { defineOptions, type PluginOptions } from "@indus/plugin-options"
import { z } from "@medusajs/framework/zod"
import { checkPrefixes } from "./prefixes"

/** SigV4 presigned URLs are valid for at most 7 days. */
export const MAX_PRESIGNED_SECONDS = 7 * 24 * 3600

/**
 * Options of the `s3-cloudfront` File Module provider (`@indus/files/providers/s3-cloudfront`),
 * given by the app under Medusa's File module. The app maps its environment to these in
 * medusa-config.ts; nothing in the plugin reads the environment itself.
 */
export const options = defineOptions(
  "@indus/files/providers/s3-cloudfront",
  z
    .object({
      /** The bucket. It stays private (Block Public Access, bucket owner enforced): no ACL is ever sent. */
      bucket: z.string().min(1),
      /** The bucket's region, e.g. "ap-south-1". */
      region: z.string().min(1),
      /** The CloudFront (or other CDN) base URL public files are served from; a trailing slash is dropped. */
      file_url: z
        .string()
        .regex(/^https?:\/\/[^/]/, "expected the CDN base URL like https://cdn.example.com")
        .transform((u) => u.replace(/\/+$/, "")),
      /** Folder of public files (the only one the CDN serves). */
      prefix: z.string().default("media/"),
      /** Folder of every file uploaded without `access: "public"` (exports, imports, kept CSVs). */
      private_prefix: z.string().default("private/"),
      /** Seconds a presigned GET of a file stays valid. */
      download_file_duration: z.number().int().min(1).max(MAX_PRESIGNED_SECONDS).default(900),
      /** Cache-Control stored with every object (the CDN and browsers honour it). */
      cache_control: z.string().min(1).default("public, max-age=31536000"),
      /** Access keys; leave both out to use the SDK's default chain (IAM role, instance profile). */
      access_key_id: z.string().min(1).optional(),
      secret_access_key: z.string().min(1).optional(),
      session_token: z.string().min(1).optional(),
      /** An S3-compatible endpoint instead of AWS's (MinIO, a local test server). */
      endpoint: z.string().regex(/^https?:\/\/[^/]/, "expected a URL like http://127.0.0.1:9000").optional(),
      /** Bucket-in-path URLs; defaults to true with `endpoint` (what S3-compatible stores want), else false. */
      force_path_style: z.boolean().optional(),
    })
    .superRefine((o, ctx) => {
      const problem = checkPrefixes(o.prefix, o.private_prefix)
      if (problem) ctx.addIssue({ code: "custom", path: ["private_prefix"], message: problem })
      if (!!o.access_key_id !== !!o.secret_access_key)
        ctx.addIssue({ code: "custom", path: ["access_key_id"], message: "give both access_key_id and secret_access_key, or neither to use the IAM role" })
    })
)

export type S3CloudFrontOptions = PluginOptions<typeof options.schema>
