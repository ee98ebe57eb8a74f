import jsQR from "jsqr"
import { PNG } from "pngjs"

/** Decodes a `data:image/png;base64,…` QR with jsQR (an independent decoder); null when unreadable. */
export function decodePngDataUrl(dataUrl: string): string | null {
  const m = /^data:image\/png;base64,(.+)$/.exec(dataUrl)
  if (!m) return null
  const png = PNG.sync.read(Buffer.from(m[1], "base64"))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
}

/**
 * Rasterises the SVG that `qrcode` writes (one stroked path of horizontal runs: `M x y.5 h n m dx dy …`)
 * at `scale` px per module, then decodes it with jsQR. Any other SVG shape fails to decode.
 */
export function decodeQrSvg(svg: string, scale = 8): string | null {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1])
  const d = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1]
  if (!size || !d) return null
  const dark = new Set<string>()
  let x = 0
  let y = 0
  for (const [, cmd, a, b] of d.matchAll(/([MmHhVv])(-?[\d.]+)(?:\s+(-?[\d.]+))?/g)) {
    const n = Number(a)
    if (cmd === "M") (x = n), (y = Number(b))
    else if (cmd === "m") (x += n), (y += Number(b))
    else if (cmd === "h") {
      for (let i = 0; i < n; i++) dark.add(`${x + i},${Math.floor(y)}`)
      x += n
    } else return null
  }
  const w = size * scale
  const pixels = new Uint8ClampedArray(w * w * 4)
  for (let py = 0; py < w; py++) {
    for (let px = 0; px < w; px++) {
      const v = dark.has(`${Math.floor(px / scale)},${Math.floor(py / scale)}`) ? 0 : 255
      pixels.set([v, v, v, 255], (py * w + px) * 4)
    }
  }
  return jsQR(pixels, w, w)?.data ?? null
}
