import fs from "fs"
import path from "path"
import type { ProductLine } from "./catalog"

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A simple illustrated card per product and colour, so the demo shop needs no network. */
export function productSvg(line: ProductLine, colour: string, index: number): string {
  const hue = (line.hue + index * 35) % 360
  const words = line.title.split(" ")
  const mid = Math.ceil(words.length / 2)
  const [l1, l2] = [words.slice(0, mid).join(" "), words.slice(mid).join(" ")]
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="1000" viewBox="0 0 800 1000">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="hsl(${hue},45%,88%)"/><stop offset="1" stop-color="hsl(${hue},40%,70%)"/>
  </linearGradient></defs>
  <rect width="800" height="1000" fill="url(#g)"/>
  <circle cx="400" cy="420" r="230" fill="hsl(${hue},35%,55%)" opacity="0.85"/>
  <text x="400" y="780" font-family="Georgia, serif" font-size="54" text-anchor="middle" fill="#1f1f1f">${escapeXml(l1)}</text>
  <text x="400" y="850" font-family="Georgia, serif" font-size="54" text-anchor="middle" fill="#1f1f1f">${escapeXml(l2)}</text>
  <text x="400" y="920" font-family="Helvetica, Arial, sans-serif" font-size="32" text-anchor="middle" fill="#3a3a3a">${escapeXml(colour)}</text>
</svg>
`
}

/**
 * Writes the images into the folder Medusa serves at /static and returns their
 * public URLs. Rewritten on every seed run, so a fresh clone of an existing
 * database still shows pictures.
 */
export function writeProductImages(line: ProductLine, staticDir: string, baseUrl: string): string[] {
  const dir = path.join(staticDir, "demo")
  fs.mkdirSync(dir, { recursive: true })
  return line.colours.map((colour, i) => {
    const file = `${line.handle}-${i + 1}.svg`
    fs.writeFileSync(path.join(dir, file), productSvg(line, colour, i))
    return `${baseUrl}/static/demo/${file}`
  })
}
