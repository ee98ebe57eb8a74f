import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3"
import type { S3CloudFrontOptions } from "../../options"

/** The SDK client configuration for the provider's options. */
export function s3ClientConfig(o: S3CloudFrontOptions): S3ClientConfig {
  return {
    region: o.region,
    // Without keys the SDK's default chain applies (IAM role, instance profile, SSO).
    credentials: o.access_key_id ? { accessKeyId: o.access_key_id, secretAccessKey: o.secret_access_key!, sessionToken: o.session_token } : undefined,
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    forcePathStyle: o.force_path_style ?? !!o.endpoint,
    // SDK >= 3.729 signs a CRC32 of the empty body into presigned PUTs; browsers' PUTs then fail.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  }
}

export const createS3Client = (o: S3CloudFrontOptions) => new S3Client(s3ClientConfig(o))
