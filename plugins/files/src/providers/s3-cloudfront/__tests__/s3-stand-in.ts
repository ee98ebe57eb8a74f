import fs from "fs"
import os from "os"
import path from "path"
import { S3Client } from "@aws-sdk/client-s3"

// s3rver ships no types.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const S3rver = require("s3rver")

/**
 * A local S3 over HTTP (s3rver): S3's REST wire format, objects on disk, presigned-URL expiry
 * enforced; signatures and ACLs are not checked. It accepts only the S3RVER key pair.
 */
export async function startS3StandIn(bucket: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "s3rver-"))
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: dir, configureBuckets: [{ name: bucket }], vhostBuckets: false })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const client = new S3Client({ region: "ap-south-1", endpoint, forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } })
  return {
    endpoint,
    client,
    credentials: { access_key_id: "S3RVER", secret_access_key: "S3RVER" },
    async stop() {
      client.destroy()
      await server.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
