// Medusa's test runner expects MikroORM's metadata to start empty in every test file.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
