import path from "path"
import { configManager } from "@medusajs/framework/config"
import { MedusaError } from "@medusajs/framework/utils"
import { renderBuiltIn } from "./built-in-templates"
import type { EmailRenderer } from "./types"

const loaded = new Map<string, EmailRenderer>()

/**
 * The renderer the `templates` option names: a module path relative to the app's root (where
 * medusa-config is, so `./src/emails` is found in a built app too) or a package name, exporting
 * `renderEmail(template, data)`. Loaded once, on the first e-mail; without the option, the plugin's
 * built-in plain templates.
 */
export function emailRenderer(spec: string | undefined, root = appRoot()): EmailRenderer {
  if (!spec) return renderBuiltIn
  const key = `${root}\0${spec}`
  let renderer = loaded.get(key)
  if (!renderer) {
    renderer = loadRenderer(spec, root)
    loaded.set(key, renderer)
  }
  return renderer
}

function loadRenderer(spec: string, root: string): EmailRenderer {
  const request = spec.startsWith(".") ? path.resolve(root, spec) : spec
  let exported: { renderEmail?: unknown; default?: { renderEmail?: unknown } }
  try {
    exported = require(require.resolve(request, { paths: [root] }))
  } catch (e) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `@indus/email: the templates module "${spec}" could not be loaded from ${root}: ${(e as Error).message}`)
  }
  const render = exported.renderEmail ?? exported.default?.renderEmail
  if (typeof render !== "function") throw new MedusaError(MedusaError.Types.INVALID_DATA, `@indus/email: the templates module "${spec}" exports no renderEmail(template, data)`)
  return render as EmailRenderer
}

function appRoot(): string {
  try {
    return configManager.baseDir || process.cwd()
  } catch {
    return process.cwd()
  }
}
