import { defineOptions, type PluginOptions } from "@indus/plugin-options"
import { z } from "@medusajs/framework/zod"

/**
 * Every option of this plugin, with its documented default. The app maps its environment to these
 * in medusa-config.ts; nothing in the plugin reads the environment itself.
 */
export const options = defineOptions(
  "@indus/__NAME__",
  z.object({
    /** Example: how long an answer may be reused, in seconds. */
    ttl_seconds: z.number().int().positive().default(60),
  })
)

export type __PASCAL__Options = PluginOptions<typeof options.schema>
