import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { CloudFrontS3FileService } from "./service"

export default ModuleProvider(Modules.FILE, { services: [CloudFrontS3FileService] })
