import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Receipt } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { CsvImportPanel } from "../../components/reconciliation/csv-import-panel"

/** UPI bank-statement and COD courier-remittance CSV imports for staff (routes in src/api/admin/{upi,cod}). */
const ReconciliationPage = () => (
  <div className="flex flex-col gap-y-3" data-testid="reconciliation-page">
    <Container className="px-6 py-4">
      <Heading level="h1">Reconciliation</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        Import a bank statement to approve UPI payments, or a courier remittance to check collected cash.
      </Text>
    </Container>
    <CsvImportPanel
      testId="upi-statement"
      title="UPI bank statement"
      description="CSV with a header line and the columns utr, amount (₹, e.g. 898.00); other columns are ignored. A credit whose UTR a shopper reported and whose amount matches approves that order."
      endpoint="/admin/upi/statements"
      refColumn={{ key: "utr", label: "UTR" }}
      doneOutcome="approved"
      doneTitle="Approved"
    />
    <CsvImportPanel
      testId="cod-remittance"
      title="COD courier remittance"
      description="CSV with a header line and the columns order (display id such as #12, or order id), amount (₹); awb and utr are optional. Each row is compared with the cash collected on that order."
      endpoint="/admin/cod/remittances"
      refColumn={{ key: "order", label: "Order" }}
      doneOutcome="matched"
      doneTitle="Matched"
    />
  </div>
)

export const config = defineRouteConfig({ label: "Reconciliation", icon: Receipt })

export default ReconciliationPage
