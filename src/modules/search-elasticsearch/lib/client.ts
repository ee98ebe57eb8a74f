import { Client, type ClientOptions } from "@elastic/elasticsearch"
import { MedusaError } from "@medusajs/framework/utils"
import type { ElasticsearchSearchOptions } from "../types"

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000

/** Builds the official client from provider options; credentials never leave this function. */
export function createClient(options: ElasticsearchSearchOptions): Client {
  if (options.client) return options.client
  if (!options.node || (Array.isArray(options.node) && !options.node.length)) {
    throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, "The Elasticsearch search provider needs a `node` URL")
  }
  const config: ClientOptions = {
    node: options.node,
    requestTimeout: options.request_timeout_ms ?? DEFAULT_REQUEST_TIMEOUT_MS,
    maxRetries: 2,
  }
  if (options.api_key) config.auth = { apiKey: options.api_key }
  else if (options.username) config.auth = { username: options.username, password: options.password ?? "" }
  if (options.ca) config.tls = { ca: options.ca }
  return new Client(config)
}
