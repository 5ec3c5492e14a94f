import { ActionIcon, Badge, Menu, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconBan, IconDotsVertical, IconList, IconPrinter } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { VoucherBatchSummary } from '@shared/contract/hotspot';
import { formatMoney } from '@shared/domain/money';
import { BatchProgress } from './batch-progress';

export type BatchAction = 'print' | 'vouchers' | 'revoke' | 'cancel';

interface Options {
  t: TFunction;
  currency: string;
  locale: string;
  formatInstant: (iso: string) => string;
  planNames: Map<string, string>;
  canManage: boolean;
  version: number;
  onAction: (action: BatchAction, batch: VoucherBatchSummary) => void;
}

export function batchColumns({ t, currency, locale, formatInstant, planNames, canManage, version, onAction }: Options): ColumnDef<VoucherBatchSummary>[] {
  return [
    {
      id: 'serial', header: t('hotspot.batches.col.serial'), meta: { sortable: true },
      cell: ({ row: { original: b } }) => (
        <Stack gap={2}>
          <Text size="sm" fw={600} ff="monospace">{b.comment}</Text>
          {b.cancelledAt && <Badge size="xs" color="gray" variant="light">{t('hotspot.batches.cancelled')}</Badge>}
        </Stack>
      ),
    },
    { id: 'plan', header: t('hotspot.batches.col.plan'), cell: ({ row }) => <Text size="sm">{planNames.get(row.original.planId) ?? '—'}</Text> },
    { id: 'count', header: t('hotspot.batches.col.count'), meta: { align: 'right' }, cell: ({ row }) => <Text size="sm">{row.original.count}</Text> },
    {
      id: 'price', header: t('hotspot.batches.col.price'), meta: { align: 'right', nowrap: true },
      cell: ({ row }) => <Text size="sm">{formatMoney(row.original.priceMinor, currency, locale)}</Text>,
    },
    {
      id: 'progress', header: t('hotspot.batches.col.progress'),
      cell: ({ row: { original: b } }) => (
        <BatchProgress batchId={b.id} version={version} onCancel={canManage ? () => onAction('cancel', b) : undefined} />
      ),
    },
    { id: 'createdAt', header: t('hotspot.batches.col.created'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <Text size="sm">{formatInstant(row.original.createdAt)}</Text> },
    {
      id: 'actions', header: () => <VisuallyHidden>{t('common.actions')}</VisuallyHidden>, meta: { align: 'right', width: 56 },
      cell: ({ row: { original: b } }) => (
        <Menu position="bottom-end" width={200}>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('hotspot.batches.actionsFor', { comment: b.comment })}><IconDotsVertical size={18} /></ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPrinter size={16} />} onClick={() => onAction('print', b)}>{t('hotspot.batches.print')}</Menu.Item>
            <Menu.Item leftSection={<IconList size={16} />} onClick={() => onAction('vouchers', b)}>{t('hotspot.batches.vouchers')}</Menu.Item>
            {canManage && b.revokedCount < b.count && (
              <Menu.Item color="red" leftSection={<IconBan size={16} />} onClick={() => onAction('revoke', b)}>{t('hotspot.batches.revoke')}</Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];
}
