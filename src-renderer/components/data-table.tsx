import {
  Box, Group, LoadingOverlay, Pagination, Paper, Select, Skeleton, Table, Text, TextInput, UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconSearch } from '@tabler/icons-react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowData } from '@tanstack/react-table';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';
import type { TableQueryController } from './use-table-query';
import type { RpcState } from '../app/use-rpc';

declare module '@tanstack/react-table' {
  // Type parameters must match TanStack's declaration to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column id is a sort field the list channel accepts. */
    sortable?: boolean;
    align?: 'left' | 'right' | 'center';
    width?: number | string;
    minWidth?: number;
    /** Keep the cell on one line (dates, badges). */
    nowrap?: boolean;
  }
}

const PAGE_SIZES = ['10', '25', '50', '100'];

interface DataTableProps<T, F extends string, Filters extends object> {
  /** Accessible name of the table, e.g. "Tenants". */
  label: string;
  columns: ColumnDef<T>[];
  rows: T[] | undefined;
  total: number;
  getRowId: (row: T) => string;
  query: TableQueryController<F, Filters>;
  loading: boolean;
  error?: { message: string } | undefined;
  onRetry?: () => void;
  searchPlaceholder?: string;
  /** False for list channels without text search (the box would do nothing). */
  searchable?: boolean;
  /** Filter inputs shown next to the search box. */
  filters?: ReactNode;
  /** Shown when the list is empty and no search or filter is applied. */
  empty: ReactNode;
}

/** DataTable's data props from the state of a paged list channel (`useRpc('x.list', …)`). */
export function pagedRows<T>(list: RpcState<{ items: T[]; total: number }>) {
  return { rows: list.data?.items, total: list.data?.total ?? 0, loading: list.loading, error: list.error, onRetry: list.reload };
}

/**
 * A server-side table (TanStack Table in manual mode): the list channel pages, sorts and filters; this
 * component shows the page, the controls and the loading, empty and error states.
 */
export function DataTable<T, F extends string, Filters extends object>(props: DataTableProps<T, F, Filters>) {
  const { t } = useTranslation();
  const { query, rows, total, loading, error } = props;
  const [search, setSearch] = useState(query.q);
  const [debounced] = useDebouncedValue(search, 300);
  const { setSearch: applySearch } = query;
  useEffect(() => applySearch(debounced), [debounced, applySearch]);

  const table = useReactTable({
    data: rows ?? [],
    columns: props.columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: props.getRowId,
    manualPagination: true,
    manualSorting: true,
    rowCount: total,
  });

  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const narrowed = query.q.trim() !== '' || Object.values(query.filters).some((v) => v !== undefined && v !== null && v !== '');
  const from = total === 0 ? 0 : (query.page - 1) * query.pageSize + 1;
  const to = Math.min(total, query.page * query.pageSize);
  const colCount = props.columns.length;

  const toggleSort = (field: F) => {
    const current = query.sort;
    if (!current || current.field !== field) query.setSort({ field, dir: 'asc' });
    else if (current.dir === 'asc') query.setSort({ field, dir: 'desc' });
    else query.setSort(undefined);
  };

  let body: ReactNode;
  if (!rows && loading) {
    body = Array.from({ length: 5 }, (_, i) => (
      <Table.Tr key={i}>
        {Array.from({ length: colCount }, (_c, j) => <Table.Td key={j}><Skeleton height={14} radius="sm" /></Table.Td>)}
      </Table.Tr>
    ));
  } else if (rows && rows.length === 0) {
    body = (
      <Table.Tr>
        <Table.Td colSpan={colCount}>
          {narrowed ? <Text c="dimmed" ta="center" py="xl">{t('table.noMatches')}</Text> : props.empty}
        </Table.Td>
      </Table.Tr>
    );
  } else {
    body = table.getRowModel().rows.map((row) => (
      <Table.Tr key={row.id}>
        {row.getVisibleCells().map((cell) => (
          <Table.Td key={cell.id} ta={cell.column.columnDef.meta?.align} style={cell.column.columnDef.meta?.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </Table.Td>
        ))}
      </Table.Tr>
    ));
  }

  return (
    <Paper radius="md" p={0}>
      <Group p="md" gap="sm" wrap="wrap" justify={props.searchable === false ? 'flex-end' : 'space-between'}>
        {props.searchable !== false && <TextInput
          aria-label={t('table.search')}
          placeholder={props.searchPlaceholder ?? t('table.search')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />}
        {props.filters && <Group gap="sm" wrap="wrap">{props.filters}</Group>}
      </Group>
      {error && (
        <Box px="md" pb="md">
          <ErrorAlert error={error} onRetry={props.onRetry} />
        </Box>
      )}
      <Box pos="relative">
        <LoadingOverlay visible={loading && !!rows} zIndex={5} overlayProps={{ blur: 1, backgroundOpacity: 0.35 }} loaderProps={{ size: 'sm' }} />
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={props.label} aria-busy={loading} highlightOnHover={!!rows && rows.length > 0}>
            <Table.Thead>
              {table.getHeaderGroups().map((group) => (
                <Table.Tr key={group.id}>
                  {group.headers.map((header) => {
                    const meta = header.column.columnDef.meta;
                    const label = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                    const field = header.column.id as F;
                    const sorted = query.sort?.field === field ? query.sort.dir : undefined;
                    return (
                      <Table.Th
                        key={header.id}
                        w={meta?.width}
                        miw={meta?.minWidth}
                        ta={meta?.align}
                        aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      >
                        {meta?.sortable ? (
                          <UnstyledButton onClick={() => toggleSort(field)} fw={600} fz="sm">
                            <Group gap={4} wrap="nowrap">
                              {label}
                              {sorted === 'asc' ? <IconArrowUp size={14} /> : sorted === 'desc' ? <IconArrowDown size={14} /> : <IconArrowsSort size={14} opacity={0.4} />}
                            </Group>
                          </UnstyledButton>
                        ) : label}
                      </Table.Th>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Thead>
            <Table.Tbody>{body}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <Group p="md" justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed">{t('table.showing', { from, to, total })}</Text>
        <Group gap="md">
          <Group gap="xs">
            <Text size="sm" c="dimmed">{t('table.rowsPerPage')}</Text>
            <Select
              aria-label={t('table.rowsPerPage')}
              data={PAGE_SIZES}
              value={String(query.pageSize)}
              onChange={(v) => v && query.setPageSize(Number(v))}
              allowDeselect={false}
              w={80}
              size="xs"
            />
          </Group>
          <Pagination total={pageCount} value={query.page} onChange={query.setPage} size="sm" withEdges={pageCount > 5} />
        </Group>
      </Group>
    </Paper>
  );
}
