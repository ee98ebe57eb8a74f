import { describeEmailFailure } from "../failure"
import { SesSendError } from "../../providers/ses/errors"

describe("e-mail failure reasons", () => {
  it("reads the SES provider's code and kind out of Medusa's wrapped error", () => {
    const ses = new SesSendError({ kind: "permanent", code: "AccountSuspendedException", message: "Sending is paused for this account." })
    expect(describeEmailFailure(new Error(`Failed to send notification with id noti_1:\n${ses.message}`))).toEqual({
      code: "AccountSuspendedException",
      kind: "permanent",
      message: "Sending is paused for this account.",
    })
  })

  it("keeps other providers' messages, without the wrapper and without addresses", () => {
    expect(describeEmailFailure(new Error("Failed to send notification with id noti_2:\nmailbox asha@example.in full"))).toEqual({
      code: "SendFailed",
      kind: "unknown",
      message: "mailbox <address> full",
    })
    expect(describeEmailFailure(new Error("Could not find a notification provider for channel: email for notification id noti_3")).message).toMatch(/^Could not find a notification provider/)
    expect(describeEmailFailure(undefined).message).toBe("unknown error")
  })
})
