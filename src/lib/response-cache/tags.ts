/**
 * Tags tie a cached answer to what it was built from. Medusa ids are `<prefix>_<26-char ULID>`,
 * so any such string anywhere in the body or query is an entity the answer depends on:
 * `id:<id>`. Changes that can alter which entities a list holds drop `list:<resource>`.
 */
const ID_PATTERN = /^[a-z]+(?:_[a-z]+)*_[0-9A-HJKMNP-TV-Z]{26}$/
const ID_IN_TEXT = /\b[a-z]+(?:_[a-z]+)*_[0-9A-HJKMNP-TV-Z]{26}\b/g

export const idTag = (id: string) => `id:${id}`
export const listTag = (resource: string) => `list:${resource}`
export const salesChannelTag = (id: string) => `sc:${id}`
/** Answers holding calculated prices (price lists can change any of them). */
export const PRICED_TAG = "priced"
/** Answers built for a locale (translated content). */
export const LOCALIZED_TAG = "localized"
/** Answers priced through the store's default region (no region_id given). */
export const STORE_TAG = "store"

export function isMedusaId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value)
}

/** Every Medusa id in a JSON value (any depth, any key). */
export function collectIds(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === "string") {
    if (isMedusaId(value)) into.add(value)
  } else if (Array.isArray(value)) {
    for (const v of value) collectIds(v, into)
  } else if (value && typeof value === "object") {
    for (const v of Object.values(value)) collectIds(v, into)
  }
  return into
}

export function idsInText(text: string): string[] {
  return [...new Set(decodeURIComponent(text.replace(/\+/g, " ")).match(ID_IN_TEXT) ?? [])]
}

export type EntryTagInput = {
  resource: string
  kind: "list" | "detail"
  body: unknown
  /** The serialised body (already built for the response). */
  bodyText: string
  rawQuery: string
  salesChannelIds: string[]
  customerGroupIds?: string[]
  locale?: string
  /** The route's fixed tags (`CacheableRoute.alsoTagged`). */
  extraTags?: string[]
}

export function tagsForEntry(input: EntryTagInput): string[] {
  const tags = new Set<string>()
  for (const id of collectIds(input.body)) tags.add(idTag(id))
  for (const id of idsInText(input.rawQuery)) tags.add(idTag(id))
  for (const id of input.salesChannelIds) tags.add(salesChannelTag(id))
  for (const id of input.customerGroupIds ?? []) tags.add(idTag(id))
  if (input.kind === "list") tags.add(listTag(input.resource))
  for (const tag of input.extraTags ?? []) tags.add(tag)
  if (input.locale) tags.add(LOCALIZED_TAG)
  if (input.bodyText.includes('"calculated_price"')) {
    tags.add(PRICED_TAG)
    if (!/(^|&)region_id=/.test(input.rawQuery)) tags.add(STORE_TAG)
  }
  return [...tags]
}
