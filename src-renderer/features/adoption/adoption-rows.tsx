import { Badge, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { useTimeFormat } from '../../app/time-format';
import type { RpcState } from '../../app/use-rpc';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import type { TableQueryController } from '../../components/use-table-query';

export type AdoptionRow = OutputOf<'adoption.preview'>['rows']['items'][number];
export type AdoptionSort = 'username' | 'profile' | 'skip';
export type AdoptionQuery = TableQueryController<AdoptionSort, { onlySkipped: boolean | undefined }>;

/** The router's secrets, paged by main: what each becomes, or why it is left out. */
export function AdoptionRows({ preview, query }: { preview: RpcState<OutputOf<'adoption.preview'>>; query: AdoptionQuery }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const columns = useMemo<ColumnDef<AdoptionRow>[]>(() => [
    { id: 'username', header: t('adoption.col.username'), meta: { sortable: true }, cell: ({ row: { original: r } }) => <Text size="sm" ff="monospace">{r.username}</Text> },
    { id: 'profile', header: t('adoption.col.profile'), meta: { sortable: true }, cell: ({ row: { original: r } }) => <Text size="sm" ff="monospace">{r.profile}</Text> },
    { id: 'expires', header: t('adoption.col.expires'), meta: { nowrap: true }, cell: ({ row: { original: r } }) => <Text size="sm">{r.expiresAt ? tf.dateTime(r.expiresAt) : t('adoption.expiresDefault')}</Text> },
    {
      id: 'skip',
      header: t('adoption.col.state'),
      meta: { sortable: true },
      cell: ({ row: { original: r } }) => (r.skip
        ? <Text size="sm" c="orange">{t(`adoption.skip.${r.skip}`)}</Text>
        : <Stack gap={2}><Badge size="sm" variant="light" color="green">{t('adoption.willAdopt')}</Badge>{r.disabled && <Text size="xs" c="dimmed">{t('adoption.disabledOnRouter')}</Text>}</Stack>),
    },
    { id: 'comment', header: t('adoption.col.comment'), cell: ({ row: { original: r } }) => <Text size="sm" c="dimmed">{r.comment || '—'}</Text> },
  ], [t, tf]);
  const rows = { ...preview, data: preview.data?.rows };

  return (
    <Paper p="md" radius="md" withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('adoption.rowsTitle')}</Title>
        <DataTable
          label={t('adoption.rowsLabel')}
          columns={columns}
          {...pagedRows(rows)}
          getRowId={(r) => `${r.username}\u0000${r.profile}\u0000${r.comment}`}
          query={query}
          searchable={false}
          filters={<Switch label={t('adoption.onlySkipped')} checked={query.filters.onlySkipped === true} onChange={(e) => query.setFilter('onlySkipped', e.currentTarget.checked || undefined)} />}
          empty={<EmptyNotice title={t('adoption.emptyRows')} description={t('adoption.emptyRowsBody')} />}
        />
      </Stack>
    </Paper>
  );
}
