import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import ElasticsearchAnalyticsProvider from "./service"

export default ModuleProvider(Modules.ANALYTICS, { services: [ElasticsearchAnalyticsProvider] })
