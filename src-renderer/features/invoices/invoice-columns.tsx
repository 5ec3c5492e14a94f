import { ActionIcon, Badge, Menu, Stack, Text } from '@mantine/core';
import { IconBan, IconDotsVertical, IconFileTypePdf, IconSend } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { InvoiceSummary } from '@shared/contract/invoices';
import type { TimeFormat } from '../../app/time-format';
import { invoiceActions, type InvoiceAction } from './invoice-form';

const STATUS_COLORS: Record<InvoiceSummary['status'], string> = { draft: 'gray', issued: 'blue', partially_paid: 'orange', paid: 'green', void: 'red' };
const ACTION_ICONS = { issue: IconSend, void: IconBan, pdf: IconFileTypePdf } as const;

interface ColumnOptions {
  t: TFunction;
  tf: TimeFormat;
  money: (amountMinor: number) => string;
  canCollect: boolean;
  onAction: (action: InvoiceAction, inv: InvoiceSummary) => void;
}

export function invoiceColumns(o: ColumnOptions): ColumnDef<InvoiceSummary>[] {
  const { t, tf } = o;
  return [
    { id: 'number', header: t('invoices.col.number'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm" ff="monospace">{row.original.number ?? t('invoices.draftNumber')}</Text> },
    {
      id: 'subscriber',
      header: t('invoices.col.subscriber'),
      cell: ({ row: { original: i } }) => (
        <Stack gap={0}>
          <Text size="sm">{i.subscriberName}</Text>
          <Text size="xs" c="dimmed">{i.accountNumber}</Text>
        </Stack>
      ),
    },
    { id: 'status', header: t('invoices.col.status'), meta: { nowrap: true }, cell: ({ row }) => <Badge variant="light" color={STATUS_COLORS[row.original.status]}>{t(`invoices.status.${row.original.status}`)}</Badge> },
    { id: 'total', header: t('invoices.col.total'), meta: { nowrap: true, align: 'right' }, cell: ({ row }) => <Text size="sm" fw={600}>{o.money(row.original.totalMinor)}</Text> },
    { id: 'balance', header: t('invoices.col.balance'), meta: { nowrap: true, align: 'right' }, cell: ({ row }) => <Text size="sm">{o.money(row.original.balanceDueMinor)}</Text> },
    { id: 'due', header: t('invoices.col.due'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm">{tf.date(row.original.dueAt)}</Text> },
    {
      id: 'actions',
      header: () => null,
      meta: { align: 'right', width: 56 },
      cell: ({ row: { original: inv } }) => (
        <Menu position="bottom-end" width={200}>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('invoices.actionsFor', { number: inv.number ?? t('invoices.draftNumber') })}><IconDotsVertical size={18} /></ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {invoiceActions(inv, o.canCollect).map((a) => {
              const Icon = ACTION_ICONS[a];
              return <Menu.Item key={a} color={a === 'void' ? 'red' : undefined} leftSection={<Icon size={16} />} onClick={() => o.onAction(a, inv)}>{t(`invoices.action.${a}`)}</Menu.Item>;
            })}
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];
}
