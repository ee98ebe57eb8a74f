import { DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3"
import { Upload } from "@aws-sdk/lib-storage"
import { getSignedUrl } from "@aws-sdk/s3-request-presigner"
import type { FileTypes, Logger } from "@medusajs/framework/types"
import { AbstractFileProviderService, MedusaError } from "@medusajs/framework/utils"
import { PassThrough, type Readable } from "stream"
import { options, type S3CloudFrontOptions } from "../../options"
import { createS3Client } from "./client"
import { cdnUrl, decodeFileContent, newFileKey, sanitizeFilePath } from "./keys"

/** Presigned PUTs (admin imports, browser uploads) live an hour unless the caller says otherwise. */
const UPLOAD_URL_SECONDS = 3600

/**
 * File Module provider for a private S3 bucket behind CloudFront, on the AWS SDK. Public files
 * go under `prefix` and get CDN URLs (`file_url` + key); every other file goes under
 * `private_prefix`, which the CDN does not serve, and its URL is a presigned GET that expires
 * after `download_file_duration`. Reads and deletes take the full key, so they need no routing.
 * No ACL is ever sent: the bucket owner owns every object and Block Public Access stays on.
 */
export class CloudFrontS3FileService extends AbstractFileProviderService {
  static identifier = "s3-cloudfront"

  static validateOptions(raw: Record<string, unknown>) {
    options.parse(raw)
  }

  protected readonly options_: S3CloudFrontOptions
  protected readonly client_: S3Client
  protected readonly logger_: Logger

  constructor({ logger }: { logger: Logger }, raw: Record<string, unknown>) {
    super()
    this.options_ = options.parse(raw)
    this.client_ = createS3Client(this.options_)
    this.logger_ = logger
  }

  private prefixFor(access: string | undefined) {
    return access === "public" ? this.options_.prefix : this.options_.private_prefix
  }

  private async urlFor(key: string, access: string | undefined) {
    return access === "public" ? cdnUrl(this.options_.file_url, key) : this.getPresignedDownloadUrl({ fileKey: key })
  }

  private objectParams(key: string, filename: string, mimeType: string | undefined) {
    return {
      Bucket: this.options_.bucket,
      Key: key,
      ContentType: mimeType,
      CacheControl: this.options_.cache_control,
      Metadata: { "original-filename": encodeURIComponent(filename) },
    }
  }

  async upload(file: FileTypes.ProviderUploadFileDTO): Promise<FileTypes.ProviderFileResultDTO> {
    const key = newFileKey(this.prefixFor(file?.access), validPath(file?.filename))
    try {
      await this.client_.send(new PutObjectCommand({ ...this.objectParams(key, file.filename, file.mimeType), Body: decodeFileContent(file.content, file.mimeType) }))
    } catch (e) {
      this.logger_.error(e as Error)
      throw e
    }
    return { key, url: await this.urlFor(key, file.access) }
  }

  async getUploadStream(fileData: FileTypes.ProviderUploadStreamDTO) {
    const fileKey = newFileKey(this.prefixFor(fileData.access), validPath(fileData.filename))
    const writeStream = new PassThrough()
    const upload = new Upload({ client: this.client_, params: { ...this.objectParams(fileKey, fileData.filename, fileData.mimeType), Body: writeStream } })
    const url = await this.urlFor(fileKey, fileData.access)
    const promise = upload.done().then(() => ({ key: fileKey, url }))
    return { writeStream, promise, url, fileKey }
  }

  async getPresignedUploadUrl(fileData: FileTypes.ProviderGetPresignedUploadUrlDTO): Promise<FileTypes.ProviderFileResultDTO> {
    const key = `${this.prefixFor(fileData?.access)}${validPath(fileData?.filename)}`
    const command = new PutObjectCommand({ Bucket: this.options_.bucket, Key: key, ContentType: fileData.mimeType })
    return { key, url: await getSignedUrl(this.client_, command, { expiresIn: fileData.expiresIn ?? UPLOAD_URL_SECONDS }) }
  }

  async getPresignedDownloadUrl(fileData: FileTypes.ProviderGetFileDTO): Promise<string> {
    const command = new GetObjectCommand({ Bucket: this.options_.bucket, Key: fileData.fileKey })
    return getSignedUrl(this.client_, command, { expiresIn: this.options_.download_file_duration })
  }

  /** Like Medusa's S3 provider, a failed delete is logged, not thrown: the record goes either way. */
  async delete(files: FileTypes.ProviderDeleteFileDTO | FileTypes.ProviderDeleteFileDTO[]): Promise<void> {
    const Bucket = this.options_.bucket
    try {
      if (Array.isArray(files)) {
        if (files.length) await this.client_.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: files.map((f) => ({ Key: f.fileKey })), Quiet: true } }))
      } else {
        await this.client_.send(new DeleteObjectCommand({ Bucket, Key: files.fileKey }))
      }
    } catch (e) {
      this.logger_.error(e as Error)
    }
  }

  async getDownloadStream(file: FileTypes.ProviderGetFileDTO): Promise<Readable> {
    const { Body } = await this.client_.send(new GetObjectCommand({ Bucket: this.options_.bucket, Key: requiredKey(file) }))
    return Body as Readable
  }

  async getAsBuffer(file: FileTypes.ProviderGetFileDTO): Promise<Buffer> {
    const { Body } = await this.client_.send(new GetObjectCommand({ Bucket: this.options_.bucket, Key: requiredKey(file) }))
    return Buffer.from(await Body!.transformToByteArray())
  }
}

function validPath(filename: string | undefined): string {
  if (!filename) throw new MedusaError(MedusaError.Types.INVALID_DATA, "No filename provided")
  const clean = sanitizeFilePath(filename)
  if (!clean) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid filename: ${filename}`)
  return clean
}

function requiredKey(file: FileTypes.ProviderGetFileDTO | undefined): string {
  if (!file?.fileKey) throw new MedusaError(MedusaError.Types.INVALID_DATA, "No fileKey provided")
  return file.fileKey
}
