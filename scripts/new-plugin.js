#!/usr/bin/env node
// `npm run new:plugin -- <name> "<one-line description>"`: a new plugin in plugins/<name>, from
// templates/plugin, ready to build (`npm install` links it into the workspace).
const fs = require("fs")
const path = require("path")

const ROOT = path.resolve(__dirname, "..")
const [name, description = "A Medusa plugin."] = process.argv.slice(2)
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('usage: npm run new:plugin -- <name, lower-case with dashes> "<description>"')
  process.exit(2)
}
const target = path.join(ROOT, "plugins", name)
if (fs.existsSync(target)) {
  console.error(`plugins/${name} exists already`)
  process.exit(2)
}
const pascal = name.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase())
const fill = (text) => text.replaceAll("__NAME__", name).replaceAll("__PASCAL__", pascal).replaceAll("__DESCRIPTION__", description)

fs.cpSync(path.join(ROOT, "templates", "plugin"), target, { recursive: true })
for (const file of fs.readdirSync(target, { recursive: true })) {
  const p = path.join(target, file)
  if (fs.statSync(p).isFile()) fs.writeFileSync(p, fill(fs.readFileSync(p, "utf8")))
}
console.log(`plugins/${name} created. Next: npm install (links it), then npm run build:workspace.`)
