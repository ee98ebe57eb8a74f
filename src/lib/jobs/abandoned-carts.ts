export const reminderKey = (cartId: string) => `abandoned-cart:${cartId}`

/** Carts with an e-mail and items, idle within the window, not completed, not yet reminded. Params: idleBefore, notOlderThan, limit. */
export const ABANDONED_CARTS_SQL = `
  select c.id from cart c
  where c.deleted_at is null and c.completed_at is null and c.email is not null and c.email <> ''
    and exists (select 1 from cart_line_item li where li.cart_id = c.id and li.deleted_at is null)
    and greatest(c.updated_at, (select max(li.updated_at) from cart_line_item li where li.cart_id = c.id)) < ?
    and c.updated_at > ?
    and not exists (select 1 from notification n where n.idempotency_key = 'abandoned-cart:' || c.id and n.status <> 'failure')
  order by c.updated_at limit ?`
