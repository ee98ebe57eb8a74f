import type { ExecArgs, SearchTypes } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * `npm run search:reindex [-- <index> [in_place]]`: rebuilds search indexes (default: all) with
 * the Search Module's swap strategy: a new version is filled beside the live one and swapped in
 * when complete, so storefront searches keep answering throughout. Same path as the admin's
 * "Search indexes" page, minus the background workflow.
 */
export default async function searchReindex({ container, args = [] }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const search = container.resolve<SearchTypes.ISearchModuleService>(Modules.SEARCH)
  const [index, mode] = args
  const strategy = mode === "in_place" ? "in_place" : "swap"
  const names = index ? [index] : (await search.listIndexes()).map((i) => i.name)
  for (const name of names) {
    const started = Date.now()
    logger.info(`search:reindex ${name} (${strategy}) started`)
    await search.reindex({ index: name, strategy })
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    logger.info(`search:reindex ${name} done in ${seconds}s`)
  }
}
