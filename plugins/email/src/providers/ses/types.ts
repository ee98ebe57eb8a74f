/** Options of the SES provider, as the app lists it under Medusa's Notification Module. */
export type SesNotificationOptions = {
  /** AWS region of the SES account, e.g. "ap-south-1" */
  region: string
  /** a verified identity: `shop@example.com` or `"Indus Shop" <shop@example.com>` */
  from: string
  reply_to?: string
  /** configuration set with the event destinations (bounces, complaints, deliveries) */
  configuration_set?: string
  /** another SES-compatible endpoint; tests point it at a local fixture */
  endpoint?: string
  /** static keys; without them the SDK's default chain (env, profile, IAM role) is used */
  credentials?: { access_key_id: string; secret_access_key: string; session_token?: string }
  /** tries per message, the first included; throttling and 5xx are retried with backoff. Default 4. */
  max_attempts?: number
}
