/**
 * Times a full swap reindex of the product index: medusa exec ./bench/search/reindex.ts <outFile>
 * Retries while the boot seed holds the index lock.
 */
import fs from "fs"
import type { ExecArgs, SearchTypes } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

export default async function timeReindex({ container, args }: ExecArgs) {
  const [outFile] = args ?? []
  const search = container.resolve<SearchTypes.ISearchModuleService>(Modules.SEARCH)
  for (let attempt = 1; ; attempt++) {
    const started = Date.now()
    try {
      await search.reindex({ index: "product", strategy: "swap" })
      const seconds = (Date.now() - started) / 1000
      const { metadata } = await search.search({ entity: "product", fields: ["id"], pagination: { take: 0 } })
      fs.writeFileSync(outFile, JSON.stringify({ seconds, documents: metadata.count }))
      console.log(`[reindex] ${metadata.count} documents in ${seconds.toFixed(1)} s`)
      return
    } catch (e) {
      if (attempt >= 20) throw e
      console.log(`[reindex] attempt ${attempt} failed (${(e as Error).message}); retrying`)
      await new Promise((r) => setTimeout(r, 5000))
    }
  }
}
