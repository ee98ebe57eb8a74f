/** Ids in the catalog but not the index (missing), and in the index but not the catalog (stale). */
export function diffIds(catalog: string[], indexed: string[]) {
  const inIndex = new Set(indexed)
  const inCatalog = new Set(catalog)
  return { missing: catalog.filter((id) => !inIndex.has(id)), stale: [...inIndex].filter((id) => !inCatalog.has(id)) }
}
