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

/** Keeps the ids (in order) that are published, not deleted, and sold in one of the sales channels. */
export const VISIBLE_PRODUCTS = `
  select p.id from product p
  where p.id in (?) and p.status = 'published' and p.deleted_at is null
    and exists (select 1 from product_sales_channel psc
      where psc.product_id = p.id and psc.deleted_at is null and psc.sales_channel_id in (?))`

/** Category picks for a product: popular products of its categories, best first. */
export const CATEGORY_PICKS = `
  select cp.product_id, max(cp.units) units from category_popularity cp
  where cp.deleted_at is null and cp.product_id <> ?
    and cp.category_id in (select product_category_id from product_category_product where product_id = ?)
  group by cp.product_id order by units desc, cp.product_id limit ?`
