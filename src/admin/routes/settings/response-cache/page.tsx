import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Bolt } from "@medusajs/icons"
import Medusa from "@medusajs/js-sdk"
import { Button, Container, Heading, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"

const sdk = new Medusa({ baseUrl: "/", auth: { type: "session" } })

type Status = {
  response_cache: {
    enabled: boolean
    backend: "redis" | "memory"
    available: boolean
    entries: number | null
    ttl_seconds: number
    process: { hit: number; miss: number; coalesced: number; bypass: number; error: number; hit_rate: number | null }
  }
}

const percent = (rate: number | null) => (rate === null ? "no reads yet" : `${(rate * 100).toFixed(1)} %`)

/** Settings > Store cache: hit rate of the store API response cache, and a purge button. */
const ResponseCachePage = () => {
  const qc = useQueryClient()
  const prompt = usePrompt()
  const { data, isLoading } = useQuery({
    queryKey: ["response-cache"],
    queryFn: () => sdk.client.fetch<Status>("/admin/response-cache"),
    refetchInterval: 5000,
  })
  const purge = useMutation({
    mutationFn: () => sdk.client.fetch<{ purged: number }>("/admin/response-cache/purge", { method: "POST" }),
    onSuccess: (r) => {
      toast.success(`Store cache purged (${r.purged} answers dropped)`)
      qc.invalidateQueries({ queryKey: ["response-cache"] })
    },
    onError: (e: Error) => toast.error(e.message),
  })
  const s = data?.response_cache
  const onPurge = async () => {
    const confirmed = await prompt({
      title: "Purge the store cache?",
      description: "Every storefront answer is rebuilt from the database on its next read.",
      confirmText: "Purge",
      cancelText: "Cancel",
    })
    if (confirmed) purge.mutate()
  }

  return (
    <Container className="divide-y p-0" data-testid="response-cache-page">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h1">Store cache</Heading>
        <StatusBadge color={!s ? "grey" : !s.enabled ? "grey" : s.available ? "green" : "red"} data-testid="response-cache-state">
          {isLoading ? "loading" : !s?.enabled ? "off" : s.available ? `on (${s.backend})` : "unavailable"}
        </StatusBadge>
      </div>
      <div className="grid grid-cols-3 gap-4 px-6 py-4">
        <div>
          <Text size="small" className="text-ui-fg-subtle">Hit rate (this server)</Text>
          <Text size="large" weight="plus" data-testid="response-cache-hit-rate">{s ? percent(s.process.hit_rate) : "…"}</Text>
        </div>
        <div>
          <Text size="small" className="text-ui-fg-subtle">Hits / misses</Text>
          <Text size="large" weight="plus">{s ? `${s.process.hit + s.process.coalesced} / ${s.process.miss}` : "…"}</Text>
        </div>
        <div>
          <Text size="small" className="text-ui-fg-subtle">Cached answers</Text>
          <Text size="large" weight="plus" data-testid="response-cache-entries">{s?.entries ?? "…"}</Text>
        </div>
      </div>
      <div className="flex items-center justify-between px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          Catalog changes drop the affected answers by themselves. Purge only after changing data outside Medusa.
        </Text>
        <Button variant="danger" size="small" onClick={onPurge} isLoading={purge.isPending} data-testid="response-cache-purge">
          Purge cache
        </Button>
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Store cache", icon: Bolt })
export default ResponseCachePage
