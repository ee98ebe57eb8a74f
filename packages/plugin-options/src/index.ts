export { defineOptions, OptionsError, type PluginOptions } from "./define-options"
export { readEnv, env } from "./env"
