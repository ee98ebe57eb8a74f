import type { z } from "@medusajs/framework/zod"
import { describeIssues } from "./issues"

export class OptionsError extends Error {
  constructor(readonly owner: string, readonly problems: string[]) {
    super(`${owner}: invalid options\n  - ${problems.join("\n  - ")}`)
    this.name = "OptionsError"
  }
}

export type PluginOptions<S extends z.ZodType> = z.output<S>

type PluginEntry = string | { resolve: string; options?: Record<string, unknown> }
type ContainerLike = { resolve(key: "configModule"): { plugins?: PluginEntry[] } }

/**
 * A plugin's options: one zod schema whose defaults are the documented defaults.
 * - `parse(raw)` fills the defaults and throws an OptionsError naming every bad option, so a wrong
 *   value stops the start instead of surfacing later as NaN or undefined.
 * - `fromContainer(container)` finds the plugin's entry in medusa-config's `plugins` (by package
 *   name) and parses it once per configuration: for routes, jobs and workflows, which Medusa does
 *   not hand the plugin's options to.
 */
export function defineOptions<S extends z.ZodType>(owner: string, schema: S) {
  const cache = new WeakMap<object, z.output<S>>()
  const parse = (raw: unknown): z.output<S> => {
    const result = schema.safeParse(raw ?? {})
    if (!result.success) throw new OptionsError(owner, describeIssues(result.error.issues))
    return result.data
  }
  return {
    owner,
    schema,
    parse,
    fromContainer(container: ContainerLike): z.output<S> {
      const config = container.resolve("configModule")
      const cached = cache.get(config)
      if (cached !== undefined) return cached
      const entry = (config.plugins ?? []).find((p) => (typeof p === "string" ? p : p.resolve) === owner)
      const parsed = parse(typeof entry === "object" ? entry.options : undefined)
      cache.set(config, parsed)
      return parsed
    },
  }
}
