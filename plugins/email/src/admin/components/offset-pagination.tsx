import { Table } from "@medusajs/ui"

/** Medusa UI's table pagination driven by an API's `limit`/`offset`/`count`. */
export function OffsetPagination({ count, offset, pageSize, onOffsetChange }: { count: number; offset: number; pageSize: number; onOffsetChange: (offset: number) => void }) {
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={Math.floor(offset / pageSize)}
      pageCount={Math.max(1, Math.ceil(count / pageSize))}
      canPreviousPage={offset > 0}
      canNextPage={offset + pageSize < count}
      previousPage={() => onOffsetChange(Math.max(0, offset - pageSize))}
      nextPage={() => onOffsetChange(offset + pageSize)}
    />
  )
}
