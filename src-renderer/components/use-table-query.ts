import { useCallback, useMemo, useState } from 'react';

export interface SortState<F extends string> {
  field: F;
  dir: 'asc' | 'desc';
}

export interface TableQuery<F extends string, Filters extends object> {
  page: number;
  pageSize: number;
  sort: SortState<F> | undefined;
  q: string;
  filters: Filters;
}

export interface TableQueryController<F extends string, Filters extends object> extends TableQuery<F, Filters> {
  setPage(page: number): void;
  setPageSize(pageSize: number): void;
  setSort(sort: SortState<F> | undefined): void;
  setSearch(q: string): void;
  setFilter<K extends keyof Filters>(name: K, value: Filters[K]): void;
  /** The list channel's input: page, pageSize, sort, q and the filters that are set. */
  input: { page: number; pageSize: number; sort?: SortState<F>; q?: string } & Partial<Filters>;
}

/** State of a server-side table; every change that alters the result set goes back to page 1. */
export function useTableQuery<F extends string, Filters extends object = Record<never, never>>(init: {
  pageSize?: number;
  sort?: SortState<F>;
  filters?: Filters;
}): TableQueryController<F, Filters> {
  const [state, setState] = useState<TableQuery<F, Filters>>({
    page: 1, pageSize: init.pageSize ?? 25, sort: init.sort, q: '', filters: init.filters ?? ({} as Filters),
  });
  const setPage = useCallback((page: number) => setState((s) => ({ ...s, page })), []);
  const setPageSize = useCallback((pageSize: number) => setState((s) => ({ ...s, pageSize, page: 1 })), []);
  const setSort = useCallback((sort: SortState<F> | undefined) => setState((s) => ({ ...s, sort, page: 1 })), []);
  const setSearch = useCallback((q: string) => setState((s) => (s.q === q ? s : { ...s, q, page: 1 })), []);
  const setFilter = useCallback(<K extends keyof Filters>(name: K, value: Filters[K]) =>
    setState((s) => ({ ...s, filters: { ...s.filters, [name]: value }, page: 1 })), []);
  const input = useMemo(() => {
    const filters = Object.fromEntries(
      Object.entries(state.filters).filter(([, v]) => v !== undefined && v !== null && v !== ''),
    ) as Partial<Filters>;
    return {
      page: state.page,
      pageSize: state.pageSize,
      ...(state.sort ? { sort: state.sort } : {}),
      ...(state.q.trim() ? { q: state.q.trim() } : {}),
      ...filters,
    };
  }, [state]);
  return { ...state, setPage, setPageSize, setSort, setSearch, setFilter, input };
}
