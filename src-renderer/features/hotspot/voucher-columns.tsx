import { ActionIcon, Badge, Menu, Text, VisuallyHidden } from '@mantine/core';
import { IconBan, IconDotsVertical, IconPrinter, IconRotateClockwise } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { VoucherSummary } from '@shared/contract/hotspot';

const STATE_COLORS: Record<string, string> = { unused: 'blue', 'in-use': 'green', 'used-up': 'gray', expired: 'orange', revoked: 'red' };
const SYNC_COLORS = { pending: 'yellow', synced: 'green', failed: 'red' } as const;

export type VoucherAction = 'print' | 'revoke' | 'reset';

interface Options {
  t: TFunction;
  formatInstant: (iso: string) => string;
  canManage: boolean;
  onAction: (action: VoucherAction, v: VoucherSummary) => void;
}

export function voucherColumns({ t, formatInstant, canManage, onAction }: Options): ColumnDef<VoucherSummary>[] {
  return [
    { id: 'code', header: t('hotspot.vouchers.col.code'), meta: { sortable: true }, cell: ({ row }) => <Text size="sm" fw={600} ff="monospace">{row.original.code}</Text> },
    {
      id: 'password', header: t('hotspot.vouchers.col.password'),
      cell: ({ row: { original: v } }) => <Text size="sm" ff="monospace" c={v.password === v.code ? 'dimmed' : undefined}>{v.password === v.code ? '—' : v.password}</Text>,
    },
    { id: 'batch', header: t('hotspot.vouchers.col.batch'), cell: ({ row }) => <Text size="sm">{String(row.original.batchSerial).padStart(3, '0')}</Text> },
    {
      id: 'state', header: t('hotspot.vouchers.col.state'), meta: { nowrap: true },
      cell: ({ row }) => {
        const s = row.original.state;
        return <Badge variant="light" color={STATE_COLORS[s] ?? 'gray'}>{t(`hotspot.voucherState.${s}`, { defaultValue: s })}</Badge>;
      },
    },
    {
      id: 'sync', header: t('hotspot.vouchers.col.router'), meta: { nowrap: true },
      cell: ({ row: { original: v } }) => v.status === 'revoked' ? null : (
        <Badge variant="dot" color={SYNC_COLORS[v.syncState]}>{t(`hotspot.vouchers.sync.${v.syncState}`)}</Badge>
      ),
    },
    { id: 'createdAt', header: t('hotspot.vouchers.col.created'), meta: { sortable: true, nowrap: true }, cell: ({ row }) => <Text size="sm">{formatInstant(row.original.createdAt)}</Text> },
    {
      id: 'actions', header: () => <VisuallyHidden>{t('common.actions')}</VisuallyHidden>, meta: { align: 'right', width: 56 },
      cell: ({ row: { original: v } }) => v.status === 'revoked' ? null : (
        <Menu position="bottom-end" width={180}>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('hotspot.vouchers.actionsFor', { code: v.code })}><IconDotsVertical size={18} /></ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPrinter size={16} />} onClick={() => onAction('print', v)}>{t('hotspot.vouchers.print')}</Menu.Item>
            {canManage && v.state !== 'unused' && (
              <Menu.Item leftSection={<IconRotateClockwise size={16} />} onClick={() => onAction('reset', v)}>{t('hotspot.vouchers.reset')}</Menu.Item>
            )}
            {canManage && <Menu.Item color="red" leftSection={<IconBan size={16} />} onClick={() => onAction('revoke', v)}>{t('hotspot.vouchers.revoke')}</Menu.Item>}
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];
}
