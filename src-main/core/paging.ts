import { sql, type OrderByExpression, type SelectQueryBuilder } from 'kysely';
import type { PageInput } from '@shared/contract/common';

/** One page of a list: the shape of every `pageOutput(...)` in the contract. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type SortDir = 'asc' | 'desc';

/** One ORDER BY term; put a unique column last so pages never overlap or skip rows. */
export interface SortTerm<DB, TB extends keyof DB, O> {
  by: OrderByExpression<DB, TB, O>;
  dir: SortDir;
}

/**
 * Count-then-page over a filtered query: `base` holds FROM/JOIN/WHERE only; `select` picks the
 * columns; `sort` orders the page. The count reuses `base`, so filters and total never disagree.
 */
export async function pageQuery<DB, TB extends keyof DB, O>(
  base: SelectQueryBuilder<DB, TB, object>,
  opts: {
    page: Pick<PageInput, 'page' | 'pageSize'>;
    select: (qb: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, O>;
    sort: readonly SortTerm<DB, TB, O>[];
    /** The number of rows `base` holds, found a faster way (a maintained count, another plan); default counts `base`. */
    count?: () => Promise<number>;
  },
): Promise<Page<O>> {
  const { page, pageSize } = opts.page;
  const total = opts.count
    ? await opts.count()
    : Number(((await base.select(sql<number | bigint>`count(*)`.as('total')).executeTakeFirstOrThrow()) as { total: number | bigint }).total);
  let rows = opts.select(base);
  for (const term of opts.sort) rows = rows.orderBy(term.by, term.dir);
  const items = (await rows.limit(pageSize).offset((page - 1) * pageSize).execute()) as O[];
  return { items, total, page, pageSize };
}

/** `Page.items` mapped, the rest kept (rows → contract items). */
export function mapPage<T, U>(page: Page<T>, fn: (row: T) => U): Page<U> {
  return { ...page, items: page.items.map(fn) };
}

/**
 * Pages, sorts and searches rows that only exist in memory (lists read from a router), in the same
 * output shape as `pageQuery`. Sorting compares numbers as numbers and everything else as text.
 */
export function pageInMemory<T>(
  rows: readonly T[],
  q: PageInput,
  opts: { defaultSort: { field: string; dir: SortDir }; searchText: (row: T) => string[]; value: (row: T, field: string) => unknown },
): Page<T> {
  let list = [...rows];
  if (q.q) {
    const needle = q.q.toLowerCase();
    list = list.filter((r) => opts.searchText(r).some((v) => v.toLowerCase().includes(needle)));
  }
  const sort = q.sort ?? opts.defaultSort;
  const sign = sort.dir === 'asc' ? 1 : -1;
  list.sort((a, b) => {
    const x = opts.value(a, sort.field);
    const y = opts.value(b, sort.field);
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    if (typeof x === 'boolean' && typeof y === 'boolean') return sign * (Number(x) - Number(y));
    return sign * String(x ?? '').localeCompare(String(y ?? ''), undefined, { numeric: true });
  });
  return { items: list.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: list.length, page: q.page, pageSize: q.pageSize };
}
