import { defineRouteConfig } from "@medusajs/admin-sdk"
import { QueueList } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"

/**
 * The queue monitor (bull-board, served by the backend at /admin/queues behind admin auth) inside
 * the dashboard. Same origin as the admin, so the session cookie authenticates the frame.
 */
const QueuesPage = () => (
  <Container className="flex flex-col gap-y-3 p-0">
    <div className="flex items-center justify-between px-6 py-4">
      <div>
        <Heading>Background queues</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Event bus, workflows and scheduled jobs: counts per state, failed jobs with their error, retry and remove.
        </Text>
      </div>
      <a href="/admin/queues" target="_blank" rel="noreferrer" className="text-ui-fg-interactive text-sm">Open in a new tab</a>
    </div>
    <iframe title="Queue monitor" src="/admin/queues" className="h-[calc(100vh-180px)] w-full border-t" />
  </Container>
)

export const config = defineRouteConfig({ label: "Queues", icon: QueueList })

export default QueuesPage
