import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { UpiProviderService } from "./service"

export default ModuleProvider(Modules.PAYMENT, { services: [UpiProviderService] })
