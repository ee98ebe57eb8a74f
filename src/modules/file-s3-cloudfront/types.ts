import type { S3FileServiceOptions } from "@medusajs/framework/types"

/**
 * Medusa's file-s3 options plus the private prefix. `prefix` holds public files (the only
 * prefix CloudFront serves); `private_prefix` holds everything uploaded without
 * `access: "public"` (exports, reconciliation CSVs, private presigned uploads).
 */
export type CloudFrontS3Options = S3FileServiceOptions & {
  /** Public files, e.g. "media/". Must end with "/" and not overlap `private_prefix`. */
  prefix: string
  /** Private files, e.g. "private/". Must end with "/" and not overlap `prefix`. */
  private_prefix: string
}
