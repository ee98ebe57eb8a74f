import { Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { Link, useParams } from "react-router-dom"
import { sdk } from "../../../lib/sdk"
import { EmailStatusBadge } from "../../../components/emails/status-badge"
import { formatBytes, previewDocument } from "../../../components/emails/preview"
import type { EmailMessage } from "../../../components/emails/types"

const Row = ({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) => (
  <div className="grid grid-cols-[160px_1fr] gap-x-4 px-6 py-2">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" data-testid={testId}>
      {children}
    </Text>
  </div>
)

/** One e-mail: who, what and how it went; the rendered copy (HTML preview, text, attachments) when the outbox kept it. */
const EmailDetailPage = () => {
  const { id } = useParams()
  const [email, setEmail] = useState<EmailMessage | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    sdk.client
      .fetch<{ email: EmailMessage }>(`/admin/emails/${id}`)
      .then((r) => setEmail(r.email))
      .catch((e: Error) => setError(e.message))
  }, [id])

  const srcDoc = useMemo(() => (email?.html ? previewDocument(email.html, email.attachments) : null), [email])

  if (error) return <Container><Text className="text-ui-fg-error" data-testid="email-error">{error}</Text></Container>
  if (!email) return <Container><Text>Loading…</Text></Container>

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" data-testid="email-detail">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Link to="/emails" className="txt-compact-small text-ui-fg-interactive">
              ← E-mails
            </Link>
            <Heading level="h1" data-testid="email-subject">
              {email.subject}
            </Heading>
          </div>
          <EmailStatusBadge status={email.status} />
        </div>
        <div className="py-2">
          <Row label="To">{email.to}</Row>
          <Row label="Template">{email.template}</Row>
          <Row label="When">{new Date(email.created_at).toLocaleString()}</Row>
          {email.resource_type && <Row label="About">{email.resource_type} {email.resource_id}</Row>}
          <Row label="Delivery">
            {email.provider_id === "ses" ? "Amazon SES" : email.provider_id === "outbox" ? "Local outbox (not sent)" : email.provider_id ?? "-"}
            {email.message_id ? ` · message id ${email.message_id}` : ""}
            {email.attempts > 1 ? ` · ${email.attempts} attempts` : ""}
          </Row>
          {email.status === "failed" && (
            <Row label="Failure" testId="email-failure">
              <span className="text-ui-fg-error">
                {email.error_code} ({email.error_kind}): {email.error_message}
              </span>
            </Row>
          )}
        </div>
      </Container>

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Preview</Heading>
        </div>
        {srcDoc ? (
          <iframe
            title="E-mail preview"
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={srcDoc}
            className="h-[720px] w-full bg-white"
            data-testid="email-preview"
          />
        ) : (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="email-no-copy">
            No copy kept: messages sent through SES are not stored here.
          </Text>
        )}
      </Container>

      {email.text && (
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Text version</Heading>
          </div>
          <pre className="txt-compact-small whitespace-pre-wrap px-6 py-4" data-testid="email-text">
            {email.text}
          </pre>
        </Container>
      )}

      {!!email.attachments?.length && (
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Attachments</Heading>
          </div>
          {email.attachments.map((a) => (
            <div key={`${a.filename}-${a.id ?? ""}`} className="flex items-center gap-x-4 px-6 py-3" data-testid="email-attachment">
              {a.content && a.content_type.startsWith("image/") && (
                <img src={`data:${a.content_type};base64,${a.content}`} alt={a.filename} className="h-16 w-16 rounded border object-contain" />
              )}
              <Text size="small">
                {a.content ? (
                  <a href={`data:${a.content_type};base64,${a.content}`} download={a.filename} className="text-ui-fg-interactive">
                    {a.filename}
                  </a>
                ) : (
                  a.filename
                )}{" "}
                <span className="text-ui-fg-subtle">
                  · {a.content_type} · {formatBytes(a.size)} · {a.disposition}
                  {a.id ? ` (cid:${a.id})` : ""}
                </span>
              </Text>
            </div>
          ))}
        </Container>
      )}
    </div>
  )
}

export default EmailDetailPage
