import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import PostgresAnalyticsProvider from "./service"

export default ModuleProvider(Modules.ANALYTICS, { services: [PostgresAnalyticsProvider] })
