/**
 * The nightly SQL over Medusa's order schema. `order_item.version = order.version` keeps only the
 * current version of edited orders; canceled and draft orders do not count.
 */
const ORDER_LINES = `
  select distinct oi.order_id, li.product_id, oi.quantity
  from "order" o
  join order_item oi on oi.order_id = o.id and oi.version = o.version and oi.deleted_at is null
  join order_line_item li on li.id = oi.item_id and li.deleted_at is null
  where o.deleted_at is null and o.canceled_at is null and not o.is_draft_order and o.status <> 'canceled'
    and o.created_at > now() - make_interval(days => ?) and li.product_id is not null`

/**
 * "Frequently bought together": pairs seen in at least `minSupport` orders, scored with cosine
 * similarity together / sqrt(nA * nB) so best-sellers do not crowd every list; top `perProduct` kept.
 * Params: windowDays, minSupport, perProduct.
 */
export const COPURCHASE_INSERT = `
  insert into product_recommendation (id, product_id, recommended_product_id, together, score)
  with lines as (select distinct order_id, product_id from (${ORDER_LINES}) l),
  freq as (select product_id, count(*) n from lines group by 1),
  pairs as (
    select a.product_id, b.product_id related, count(*) together
    from lines a join lines b on a.order_id = b.order_id and a.product_id <> b.product_id
    group by 1, 2 having count(*) >= ?),
  scored as (
    select p.product_id, p.related, p.together, p.together / sqrt(fa.n::float * fb.n) score,
      row_number() over (partition by p.product_id order by p.together / sqrt(fa.n::float * fb.n) desc, p.related) rn
    from pairs p join freq fa on fa.product_id = p.product_id join freq fb on fb.product_id = p.related)
  select 'prec_' || replace(gen_random_uuid()::text, '-', ''), product_id, related, together, score
  from scored where rn <= ?`

/** "Popular in this category": units sold per category over the window. Params: windowDays, perCategory. */
export const CATEGORY_POPULARITY_INSERT = `
  insert into category_popularity (id, category_id, product_id, units)
  with units as (
    select pcp.product_category_id category_id, l.product_id, sum(l.quantity)::int units
    from (${ORDER_LINES}) l
    join product_category_product pcp on pcp.product_id = l.product_id
    group by 1, 2),
  ranked as (select *, row_number() over (partition by category_id order by units desc, product_id) rn from units)
  select 'cpop_' || replace(gen_random_uuid()::text, '-', ''), category_id, product_id, units from ranked where rn <= ?`

/** Published, not deleted, and sold in one of the sales channels (`$channels`). */
const VISIBLE = (alias: string) => `
  ${alias}.status = 'published' and ${alias}.deleted_at is null
  and exists (select 1 from product_sales_channel psc
    where psc.product_id = ${alias}.id and psc.deleted_at is null and psc.sales_channel_id = any(string_to_array(:channels, ',')))`

/**
 * Candidates of the `related` intent, best first: bought together (score), then popular in the
 * product's categories (units). `ord` keeps the first tier's order ahead of the second's.
 */
const RELATED_CANDIDATES = `
  select recommended_product_id id, row_number() over (order by score desc, together desc, recommended_product_id) ord
  from product_recommendation where product_id = :product and deleted_at is null
  union all
  select product_id, 1000000 + row_number() over (order by max(units) desc, product_id)
  from category_popularity
  where deleted_at is null
    and category_id in (select product_category_id from product_category_product where product_id = :product)
  group by product_id`

/** Candidates of the `complementary` intent: staff-curated links, in their order. */
const COMPLEMENTARY_CANDIDATES = `
  select linked_product_id id, row_number() over (order by position, created_at) ord
  from complementary_link where product_id = :product and deleted_at is null`

/**
 * The whole store answer in one round trip: whether the product itself is visible, and the cards
 * (id, title, handle, thumbnail) of the first `:limit` visible candidates, deduplicated, without
 * the product itself. Named bindings (see `positional`): product, channels (comma-joined ids), limit.
 */
export const storefrontAnswer = (intent: "related" | "complementary") => `
  with candidates as (${intent === "complementary" ? COMPLEMENTARY_CANDIDATES : RELATED_CANDIDATES}),
  ranked as (select id, min(ord) ord from candidates where id <> :product group by id),
  cards as (
    select p.id, p.title, p.handle, p.thumbnail, r.ord
    from ranked r
    -- One primary-key look-up per candidate. OFFSET 0 keeps the planner from turning this into a
    -- scan of every published product (it did with stale statistics: 150 ms instead of 1).
    cross join lateral (select * from product p where p.id = r.id and ${VISIBLE("p")} offset 0) p
    order by r.ord limit :limit)
  select
    exists (select 1 from product p where p.id = :product and ${VISIBLE("p")}) visible,
    coalesce((select json_agg(json_build_object('id', id, 'title', title, 'handle', handle, 'thumbnail', thumbnail) order by ord) from cards), '[]') products`

/** `:name` placeholders → knex's positional `?` and the values in order (`::casts` are left alone). */
export function positional(sql: string, values: Record<string, unknown>): [string, unknown[]] {
  const ordered: unknown[] = []
  const text = sql.replace(/(?<![:\w]):([a-z_]+)\b/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`No value for :${name}`)
    ordered.push(values[name])
    return "?"
  })
  return [text, ordered]
}
