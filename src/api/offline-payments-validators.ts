import { z } from "@medusajs/framework/zod"

const rupees = z.union([z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, "must be a rupee amount like 499 or 499.50"), z.number().nonnegative()])

export const SubmitUtrSchema = z
  .object({
    utr: z.string().regex(/^\d{12}$/, "the UTR is the 12-digit reference your UPI app shows for the payment"),
    /** Optional: what the shopper says they paid, checked against the order. */
    amount: rupees.optional(),
  })
  .strict()

export const ApproveUpiSchema = z.object({ amount: rupees, note: z.string().max(500).optional() }).strict()
export const ReasonSchema = z.object({ reason: z.string().trim().min(3, "give a reason").max(500) }).strict()
export const NoteSchema = z.object({ note: z.string().max(500).optional() }).strict()
export const CsvImportSchema = z.object({ csv: z.string().min(1).max(2_000_000) }).strict()

export type SubmitUtrBody = z.infer<typeof SubmitUtrSchema>
export type ApproveUpiBody = z.infer<typeof ApproveUpiSchema>
export type ReasonBody = z.infer<typeof ReasonSchema>
export type NoteBody = z.infer<typeof NoteSchema>
export type CsvImportBody = z.infer<typeof CsvImportSchema>
