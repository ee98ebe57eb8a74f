import SesNotificationService from "../service"
import { isMailbox, sesOptionProblems } from "../options"

describe("SES provider options", () => {
  it("accepts a region and a sender, optionally with a display name", () => {
    expect(sesOptionProblems({ region: "ap-south-1", from: "orders@shop.example" })).toEqual([])
    expect(sesOptionProblems({ region: "eu-west-1", from: "\"Indus Shop\" <orders@shop.example>", reply_to: "help@shop.example", configuration_set: "shop-events", max_attempts: 3, endpoint: "http://127.0.0.1:4570" })).toEqual([])
    expect(isMailbox("Indus Shop <orders@shop.example>")).toBe(true)
  })

  it("names every bad option at start-up", () => {
    const problems = sesOptionProblems({ region: "mumbai", from: "orders", reply_to: "x", configuration_set: "a b", endpoint: "not a url", credentials: { access_key_id: "", secret_access_key: "s" }, max_attempts: 0 })
    expect(problems.join("\n")).toMatch(/region[\s\S]*from[\s\S]*reply_to[\s\S]*configuration_set[\s\S]*endpoint[\s\S]*credentials[\s\S]*max_attempts/)
    expect(() => SesNotificationService.validateOptions({ region: "ap-south-1" })).toThrow(/notification-ses: `from` must be/)
    expect(() => SesNotificationService.validateOptions({ region: "ap-south-1", from: "o@shop.example", max_attempts: NaN })).toThrow(/max_attempts/)
  })
})
