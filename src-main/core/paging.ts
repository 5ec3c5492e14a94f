import type { PageInput } from '@shared/contract/common';

/**
 * Pages, sorts and searches rows held in memory (tenant registry, lists read from a router). Sorting
 * compares numbers as numbers and everything else as text.
 */
export function pageInMemory<T>(
  rows: readonly T[],
  q: PageInput,
  opts: { defaultSort: { field: string; dir: 'asc' | 'desc' }; searchText: (row: T) => string[]; value: (row: T, field: string) => unknown },
): { items: T[]; total: number; page: number; pageSize: number } {
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
