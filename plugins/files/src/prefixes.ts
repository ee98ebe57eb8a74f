/**
 * The two key prefixes must be disjoint: CloudFront serves the public one, so a private
 * key that also starts with it would be public.
 */
export function checkPrefixes(publicPrefix: string, privatePrefix: string): string | null {
  for (const [name, p] of [["prefix", publicPrefix], ["private_prefix", privatePrefix]] as const) {
    if (!p || !p.endsWith("/") || p.startsWith("/") || p.split("/").some((s) => s === "." || s === ".."))
      return `${name} must be a folder like "media/" (no leading slash, ending with "/"), got "${p}"`
  }
  if (publicPrefix.startsWith(privatePrefix) || privatePrefix.startsWith(publicPrefix))
    return `prefix "${publicPrefix}" and private_prefix "${privatePrefix}" overlap: private files would be served by the CDN`
  return null
}
