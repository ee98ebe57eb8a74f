import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Button, Container, Heading, Input, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { sdk } from "../lib/sdk"

type Card = { id: string; title: string; handle: string; status?: string; together?: number; score?: number }
type Lists = { related: Card[]; complementary: Card[] }

const List = ({ items, empty, detail }: { items: Card[]; empty: string; detail?: (c: Card) => string }) =>
  items.length ? (
    <ul className="flex flex-col gap-y-1">
      {items.map((c) => (
        <li key={c.id} className="flex justify-between text-sm">
          <a href={`/app/products/${c.id}`} className="text-ui-fg-interactive">{c.title}</a>
          <span className="text-ui-fg-subtle">{detail?.(c) ?? c.status}</span>
        </li>
      ))}
    </ul>
  ) : <Text size="small" className="text-ui-fg-subtle">{empty}</Text>

/** "Frequently bought together" (computed nightly) and staff-curated complementary products. */
const ProductRecommendationsWidget = ({ data: product }: DetailWidgetProps<HttpTypes.AdminProduct>) => {
  const [lists, setLists] = useState<Lists | null>(null)
  const [draft, setDraft] = useState("")
  const [error, setError] = useState<string | null>(null)
  const url = `/admin/products/${product.id}/recommendations`

  const show = (l: Lists) => { setLists(l); setDraft(l.complementary.map((c) => c.id).join(", ")) }
  useEffect(() => { sdk.client.fetch<Lists>(url).then(show).catch((e: Error) => setError(e.message)) }, [url])

  const save = () => {
    setError(null)
    const product_ids = draft.split(/[\s,]+/).filter(Boolean)
    sdk.client.fetch<Lists>(url, { method: "POST", body: { product_ids } }).then(show).catch((e: Error) => setError(e.message))
  }

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <Heading level="h2">Recommendations</Heading>
      {error && <Text size="small" className="text-ui-fg-error">{error}</Text>}
      <div>
        <Text size="small" weight="plus">Frequently bought together</Text>
        <List items={lists?.related ?? []} empty="No co-purchases yet (computed nightly)." detail={(c) => `${c.together} orders`} />
      </div>
      <div className="flex flex-col gap-y-2">
        <Text size="small" weight="plus">Pair it with (curated)</Text>
        <List items={lists?.complementary ?? []} empty="None curated." />
        <div className="flex gap-x-2">
          <Input size="small" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="prod_… ids, in order" aria-label="Complementary product ids" />
          <Button size="small" variant="secondary" onClick={save}>Save</Button>
        </div>
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.side.after" })

export default ProductRecommendationsWidget
