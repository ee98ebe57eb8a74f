/**
 * Synonym groups for product search: every word of a group finds the others.
 * `SEARCH_SYNONYMS` replaces the defaults: groups separated by ";", words by ",",
 * e.g. "tee,t-shirt,tshirt;kurta,kurti".
 */
export const DEFAULT_SYNONYMS: string[][] = [
  ["tee", "t-shirt", "tshirt"],
  ["kurta", "kurti"],
  ["hoodie", "sweatshirt"],
  ["stole", "dupatta", "scarf", "shawl"],
  ["bag", "tote", "sling"],
  ["mug", "cup"],
]

export function parseSynonyms(raw: string | undefined): string[][] {
  if (!raw?.trim()) return DEFAULT_SYNONYMS
  return raw
    .split(";")
    .map((group) => group.split(",").map((w) => w.trim().toLowerCase()).filter(Boolean))
    .filter((group) => group.length > 1)
}

export const configuredSynonyms = () => parseSynonyms(process.env.SEARCH_SYNONYMS)

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean)
/** "t-shirts" → "t-shirt", "kurtis" → "kurti": enough for matching synonym groups. */
const singular = (word: string) => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word)

/**
 * Document-side expansion: the words of every group that the text mentions. Indexing these
 * makes synonyms work the same on every engine (search-postgres has no synonym support).
 */
export function expandSynonyms(texts: string[], groups: string[][]): string[] {
  const present = new Set<string>()
  for (const text of texts) {
    for (const word of words(text)) {
      present.add(word)
      present.add(singular(word))
    }
  }
  const out = new Set<string>()
  for (const group of groups) {
    if (group.some((member) => present.has(member))) group.forEach((member) => out.add(member))
  }
  return [...out]
}
