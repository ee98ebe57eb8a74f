import type { z } from "@medusajs/framework/zod"

/** One line per problem: `where: message`, where is the option path or the variable name. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix = ""): string[] {
  return issues.map((issue) => {
    const where = [prefix, ...issue.path.map(String)].filter(Boolean).join(".")
    return `${where || "(options)"}: ${issue.message}`
  })
}
