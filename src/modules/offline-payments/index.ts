import { Module } from "@medusajs/framework/utils"
import OfflinePaymentsModuleService from "./service"

export const OFFLINE_PAYMENTS_MODULE = "offlinePayments"

export default Module(OFFLINE_PAYMENTS_MODULE, { service: OfflinePaymentsModuleService })
