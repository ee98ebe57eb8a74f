import type { FileTypes, Logger } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { S3FileService } from "@medusajs/file-s3/dist/services/s3-file"
import { checkPrefixes, isPublic } from "./prefixes"
import type { CloudFrontS3Options } from "./types"

/**
 * Medusa's S3 provider for a private bucket behind CloudFront. Public files go under `prefix`
 * and get CDN URLs (`file_url` + key); every other file goes under `private_prefix`, which the
 * CDN does not serve, and its URL is a presigned GET that expires after `download_file_duration`.
 * Reads and deletes take the full key, so they need no routing.
 */
export class CloudFrontS3FileService extends S3FileService {
  static identifier = "s3-cloudfront"

  static validateOptions(options: Record<string, unknown>) {
    const problem = checkPrefixes(String(options.prefix ?? ""), String(options.private_prefix ?? ""))
    if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  }

  /** The same provider with the private prefix; shares this one's S3 client. */
  protected private_: S3FileService

  constructor(deps: { logger: Logger }, options: CloudFrontS3Options) {
    super(deps, options)
    this.private_ = new S3FileService(deps, { ...options, prefix: options.private_prefix })
    ;(this.private_ as unknown as { client_: unknown }).client_ = this.client_
  }

  async upload(file: FileTypes.ProviderUploadFileDTO): Promise<FileTypes.ProviderFileResultDTO> {
    if (isPublic(file.access)) return super.upload(file)
    const { key } = await this.private_.upload(file)
    return { key, url: await this.getPresignedDownloadUrl({ fileKey: key }) }
  }

  async getUploadStream(fileData: FileTypes.ProviderUploadStreamDTO) {
    if (isPublic(fileData.access)) return super.getUploadStream(fileData)
    const stream = await this.private_.getUploadStream(fileData)
    const url = await this.getPresignedDownloadUrl({ fileKey: stream.fileKey })
    return { ...stream, url, promise: stream.promise.then(({ key }) => ({ key, url })) }
  }

  async getPresignedUploadUrl(fileData: FileTypes.ProviderGetPresignedUploadUrlDTO): Promise<FileTypes.ProviderFileResultDTO> {
    return isPublic(fileData.access) ? super.getPresignedUploadUrl(fileData) : this.private_.getPresignedUploadUrl(fileData)
  }
}
