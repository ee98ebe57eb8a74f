import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { performance } from "perf_hooks"
import { apiRequestEvent, searchEvents, type SearchRequestBody } from "./events"
import { trackEvent } from "./track"
import { appConfig } from "../../config"

type Req = MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string } }

/** Shopper id when logged in as a customer; never anything else about them. */
const customerId = (req: Req) => (req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : undefined)

/**
 * Calls `onBody` with the JSON the route answers, after it was sent. Wraps `res.json` for this
 * one response only; the shopper's response is never delayed or altered.
 */
function afterJson(res: MedusaResponse, onBody: (body: any, status: number) => void) {
  const original = res.json.bind(res)
  res.json = ((body: unknown) => {
    const out = original(body)
    setImmediate(() => {
      try {
        onBody(body, res.statusCode)
      } catch {}
    })
    return out
  }) as typeof res.json
}

/** ANALYTICS_API_SAMPLE_RATE: the share of API requests recorded (0 to 1, default 0.1). */
export const apiSampleRate = (): number => appConfig().analytics.apiSampleRate

/** Route template of the answer: Express's, or the store response cache's for an answer it served. */
function routeOf(req: Req, res: MedusaResponse): string {
  if (req.route?.path) return `${req.baseUrl ?? ""}${req.route.path}`
  return typeof res.locals?.routeTemplate === "string" ? res.locals.routeTemplate : "unmatched"
}

/**
 * Per-request API metrics (route template, status, duration), sampled. Registered on "/" so it
 * runs ahead of the store response cache and cached answers are measured too.
 */
export function apiMetrics(req: Req, res: MedusaResponse, next: MedusaNextFunction) {
  if (!/^\/(store|admin)\//.test(req.path)) return next()
  const rate = apiSampleRate()
  if (rate > 0 && Math.random() < rate) {
    const start = performance.now()
    res.once("finish", () => {
      trackEvent(req.scope, apiRequestEvent(routeOf(req, res), req.method, res.statusCode, performance.now() - start, rate))
    })
  }
  next()
}

const PRODUCT_DETAIL = /^\/store\/products\/([^/]+)\/?$/

/**
 * A product detail read is a view, whether Medusa's route or the store response cache answers it
 * (then the route never runs and the title may be unknown). Registered on "/" for that reason.
 */
export function productViewed(req: Req, res: MedusaResponse, next: MedusaNextFunction) {
  const match = req.method === "GET" ? PRODUCT_DETAIL.exec(req.path) : null
  if (!match) return next()
  let title: string | null = null
  const original = res.json.bind(res)
  res.json = ((body: any) => {
    if (typeof body?.product?.title === "string") title = body.product.title
    return original(body)
  }) as typeof res.json
  res.once("finish", () => {
    if (res.statusCode !== 200 && res.statusCode !== 304) return
    trackEvent(req.scope, {
      event: "product.viewed",
      actor_id: customerId(req),
      properties: { product_id: decodeURIComponent(match[1]), product_title: title },
    })
  })
  next()
}

export function lineItemAdded(req: Req, res: MedusaResponse, next: MedusaNextFunction) {
  const { variant_id, quantity } = (req.body ?? {}) as { variant_id?: string; quantity?: number }
  afterJson(res, (body, status) => {
    if (status !== 200 || !body?.cart) return
    const item = (body.cart.items ?? []).find((i: { variant_id?: string }) => i.variant_id === variant_id)
    trackEvent(req.scope, {
      event: "cart.line_added",
      actor_id: customerId(req),
      group: { type: "cart", id: body.cart.id },
      properties: {
        cart_id: body.cart.id,
        variant_id: variant_id ?? null,
        product_id: item?.product_id ?? null,
        product_title: item?.product_title ?? null,
        quantity: Number(quantity ?? 1),
        currency: body.cart.currency_code ?? null,
      },
    })
  })
  next()
}

/** Checkout starts when the storefront opens a payment collection for the cart (once per cart). */
export function checkoutStarted(req: Req, res: MedusaResponse, next: MedusaNextFunction) {
  const cartId = (req.body as { cart_id?: string } | undefined)?.cart_id
  afterJson(res, (body, status) => {
    if (status !== 200 || !cartId || !body?.payment_collection) return
    trackEvent(req.scope, {
      event: "checkout.started",
      actor_id: customerId(req),
      group: { type: "cart", id: cartId },
      properties: { event_id: `checkout.started:${cartId}`, cart_id: cartId, step: "payment" },
    })
  })
  next()
}

/** Cart completion: completed (with the order) or failed; a failed payment also counts as payment.failed. */
export function checkoutCompleted(req: Req, res: MedusaResponse, next: MedusaNextFunction) {
  const cartId = req.params?.id
  afterJson(res, (body, status) => {
    const actor_id = customerId(req)
    if (status === 200 && body?.type === "order" && body.order) {
      trackEvent(req.scope, {
        event: "checkout.completed",
        actor_id,
        group: { type: "cart", id: cartId },
        properties: { event_id: `checkout.completed:${cartId}`, cart_id: cartId, order_id: body.order.id, step: "complete" },
      })
      return
    }
    const error = body?.error ?? body
    const reason = String(error?.type ?? error?.name ?? `status ${status}`).slice(0, 100)
    const message = String(error?.message ?? "")
    trackEvent(req.scope, { event: "checkout.failed", actor_id, group: { type: "cart", id: cartId }, properties: { cart_id: cartId, reason, status } })
    if (/payment/i.test(reason) || /payment/i.test(message)) {
      trackEvent(req.scope, { event: "payment.failed", actor_id, group: { type: "cart", id: cartId }, properties: { cart_id: cartId, reason } })
    }
  })
  next()
}

/** "search performed" from Medusa's own POST /store/search: the middleware reads its answer. */
export function searchPerformed(req: Req, res: MedusaResponse, next: MedusaNextFunction) {
  const start = performance.now()
  afterJson(res, (body, status) => {
    if (status !== 200) return
    const provider = process.env.ELASTICSEARCH_URL ? "elasticsearch" : "postgres"
    for (const event of searchEvents(req.body as SearchRequestBody, body, performance.now() - start, provider)) {
      trackEvent(req.scope, { ...event, actor_id: customerId(req) })
    }
  })
  next()
}

export const analyticsMiddlewareRoutes: MiddlewareRoute[] = [
  // Method-less "/" configs are global and run before the store response cache ("/store").
  { matcher: "/", middlewares: [apiMetrics, productViewed] },
  { matcher: "/store/carts/:id/line-items", method: ["POST"], middlewares: [lineItemAdded] },
  { matcher: "/store/payment-collections", method: ["POST"], middlewares: [checkoutStarted] },
  { matcher: "/store/carts/:id/complete", method: ["POST"], middlewares: [checkoutCompleted] },
  { matcher: "/store/search", method: ["POST"], middlewares: [searchPerformed] },
]
