import { Box, Group, Paper, ScrollArea, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { browserTimeZone } from '../../../app/time-format';
import { usePrincipal } from '../../../app/scope-context';
import { ErrorAlert } from '../../../components/error-alert';
import { useRouterPermissions } from '../hooks';

/** What the signed-in person may do on a router, and the tenant's time zone for dates. */
export function useRouterAccess(): { canOperate: boolean; timeZone: string } {
  const principal = usePrincipal();
  const { canOperate } = useRouterPermissions();
  return { canOperate, timeZone: principal.kind === 'staff' ? principal.tenant.timezone : browserTimeZone() };
}

/**
 * Badge styles that never cut the text short: a Badge's label may shrink to nothing inside an
 * auto-sized table cell (grid item with hidden overflow), showing "expir…" for "expired".
 */
export const FULL_BADGE = { label: { overflow: 'visible' } } as const;

/** Title line of a tab or sub-tab: a short explanation on the left, its actions on the right. */
export function TabHeader({ title, description, actions }: { title?: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
      <Stack gap={2} maw={760}>
        {title && <Text fw={600}>{title}</Text>}
        {description && <Text size="sm" c="dimmed">{description}</Text>}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}

export interface SimpleColumn<T> {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  align?: 'left' | 'right' | 'center';
  nowrap?: boolean;
  width?: number | string;
}

interface SimpleTableProps<T> {
  label: string;
  columns: SimpleColumn<T>[];
  rows: T[] | undefined;
  getRowId: (row: T) => string;
  loading: boolean;
  error?: { message: string } | undefined;
  onRetry?: () => void;
  empty: ReactNode;
  /** Above the table, e.g. filters. */
  toolbar?: ReactNode;
  rowStyle?: (row: T) => CSSProperties | undefined;
  rowAttributes?: (row: T) => Record<string, string | undefined>;
  minWidth?: number;
  /** Scroll inside the table past this height (the header stays visible). */
  maxHeight?: number | string;
  /** Row padding; 'xs' by default, smaller for dense lists such as the log. */
  verticalSpacing?: number | 'xs' | 'sm';
}

/**
 * A table for the short lists a router returns whole (profiles, filter rules): loading skeleton, the
 * server's error with a retry, and an empty state — never a blank panel.
 */
export function SimpleTable<T>(props: SimpleTableProps<T>) {
  const { rows, columns } = props;
  let body: ReactNode;
  if (!rows && props.loading) {
    body = Array.from({ length: 4 }, (_, i) => (
      <Table.Tr key={i}>{columns.map((c) => <Table.Td key={c.id}><Skeleton height={14} radius="sm" /></Table.Td>)}</Table.Tr>
    ));
  } else if (!rows || rows.length === 0) {
    body = props.error && !rows ? null : (
      <Table.Tr>
        <Table.Td colSpan={columns.length}>{props.empty}</Table.Td>
      </Table.Tr>
    );
  } else {
    body = rows.map((row) => (
      <Table.Tr key={props.getRowId(row)} style={props.rowStyle?.(row)} {...props.rowAttributes?.(row)}>
        {columns.map((c) => (
          <Table.Td key={c.id} ta={c.align} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>{c.cell(row)}</Table.Td>
        ))}
      </Table.Tr>
    ));
  }
  const table = (
    <Table aria-label={props.label} aria-busy={props.loading} highlightOnHover={!!rows && rows.length > 0} verticalSpacing={props.verticalSpacing ?? 'xs'} stickyHeader={props.maxHeight !== undefined} miw={props.minWidth ?? 640}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => <Table.Th key={c.id} ta={c.align} w={c.width}>{c.header}</Table.Th>)}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{body}</Table.Tbody>
    </Table>
  );
  return (
    <Paper radius="md" p={0} style={{ overflow: 'hidden' }}>
      {props.toolbar && <Group p="md" gap="sm" wrap="wrap">{props.toolbar}</Group>}
      {props.error && (
        <Box px="md" pb="md" pt={props.toolbar ? 0 : 'md'}>
          <ErrorAlert error={props.error} onRetry={props.onRetry} />
        </Box>
      )}
      {props.maxHeight !== undefined
        ? <ScrollArea.Autosize mah={props.maxHeight} type="auto">{table}</ScrollArea.Autosize>
        : <Table.ScrollContainer minWidth={props.minWidth ?? 640}>{table}</Table.ScrollContainer>}
    </Paper>
  );
}
