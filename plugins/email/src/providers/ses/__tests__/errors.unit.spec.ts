import { classifySesError, parseSesFailure, redactAddresses, SesSendError } from "../errors"

const sdkError = (name: string, status: number, message: string) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } })

describe("SES error classification", () => {
  it("treats throttling as retryable", () => {
    expect(classifySesError(sdkError("TooManyRequestsException", 429, "Maximum sending rate exceeded.")).kind).toBe("throttled")
    expect(classifySesError(sdkError("LimitExceededException", 400, "Daily message quota exceeded.")).kind).toBe("throttled")
    expect(classifySesError(sdkError("SomethingNew", 429, "slow down")).kind).toBe("throttled")
  })

  it("treats rejections, unverified domains and paused or suspended accounts as permanent", () => {
    for (const code of ["MessageRejected", "MailFromDomainNotVerifiedException", "AccountSuspendedException", "SendingPausedException", "BadRequestException"]) {
      expect(classifySesError(sdkError(code, 400, "no")).kind).toBe("permanent")
    }
  })

  it("treats 5xx and network errors as transient", () => {
    expect(classifySesError(sdkError("InternalServiceErrorException", 500, "oops")).kind).toBe("transient")
    expect(classifySesError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toMatchObject({ kind: "transient", code: "ECONNREFUSED" })
  })

  it("never keeps an e-mail address from SES's message", () => {
    const c = classifySesError(sdkError("MessageRejected", 400, "Email address is not verified. The following identities failed the check: asha.k+1@example.in, <orders@shop.example>"))
    expect(c.message).toBe("Email address is not verified. The following identities failed the check: <address>, <<address>>")
    expect(redactAddresses("to a@b.co (x)")).toBe("to <address> (x)")
  })

  it("round-trips code, kind and message through Medusa's wrapped failure message", () => {
    const err = new SesSendError({ kind: "permanent", code: "MessageRejected", message: "Email address is not verified." })
    const wrapped = `Failed to send notification with id noti_123:\n${err.message}`
    expect(parseSesFailure(wrapped)).toEqual({ kind: "permanent", code: "MessageRejected", message: "Email address is not verified." })
    expect(parseSesFailure("Failed to send notification with id noti_1:\nsomething else")).toBeUndefined()
  })
})
