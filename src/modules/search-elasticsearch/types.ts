import type { Client } from "@elastic/elasticsearch"

export type ElasticsearchSearchOptions = {
  /** One node URL or several, e.g. "https://es.internal:9200". */
  node: string | string[]
  /** An API key (base64 "id:key" as Kibana shows it). Preferred over basic auth. */
  api_key?: string
  username?: string
  password?: string
  /** PEM text of the CA that signed the cluster's certificate. */
  ca?: string
  /** Stemmer and stopwords language (default "english"). */
  language?: string
  /** Query-time synonym groups, e.g. [["tee", "t-shirt"], ["kurta", "kurti"]]. */
  synonyms?: string[][]
  /** `refresh` on writes: "wait_for" (default) gives read-your-writes like search-postgres. */
  refresh?: "wait_for" | boolean
  shards?: number
  replicas?: number
  /** Answer `count: "estimated"` exactly too (default true). */
  exact_counts?: boolean
  /** Timeout for index and document writes (default 30 s). */
  request_timeout_ms?: number
  /** Timeout for searches (default 2 s): a storefront search fails fast rather than hang. */
  search_timeout_ms?: number
  /** After Elasticsearch fails to answer, searches fail at once for this long (default 5 s). */
  unavailable_cooldown_ms?: number
  /** A ready client, for tests (e.g. one wired to @elastic/elasticsearch-mock). */
  client?: Client
}
