// Medusa's own lint rules (@medusajs/eslint-plugin, recommended set) over the app, every plugin
// and every package. `npm run lint`; `npm test` fails on any error.
const medusa = require("@medusajs/eslint-plugin")

const plugin = medusa.default ?? medusa
// Registered without rules of its own, so existing `eslint-disable @typescript-eslint/...` comments resolve.
const typescript = require("@typescript-eslint/eslint-plugin")

module.exports = [
  { ignores: ["**/public/**", "**/.data/**", "**/static/**", "templates/**", "bench/results/**", "test-artifacts/**", "**/*.js", "**/*.mjs", "**/*.cjs"] },
  ...plugin.configs.recommended,
  { plugins: { "@typescript-eslint": typescript } },
]
