import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { ElasticsearchSearchService } from "./service"

export { ElasticsearchSearchService }
export { SearchUnavailableError } from "./lib/errors"
export type { ElasticsearchSearchOptions } from "./types"

export default ModuleProvider(Modules.SEARCH, { services: [ElasticsearchSearchService] })
