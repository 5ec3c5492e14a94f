import { ActionIcon, Badge, Group, Menu, Stack, Text } from '@mantine/core';
import { IconArchive, IconDotsVertical, IconReceipt, IconUserCheck } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { PaymentItem } from '@shared/contract/payments';
import type { TimeFormat } from '../../app/time-format';

export type UnmatchedAction = 'assign' | 'set-aside';

const STATUS_COLORS: Record<PaymentItem['status'], string> = { received: 'blue', applied: 'green', unmatched: 'orange', 'set-aside': 'gray' };

interface ColumnOptions {
  t: TFunction;
  tf: TimeFormat;
  money: (amountMinor: number) => string;
  /** Row menu with Assign and Set aside (unmatched queue, principals with payments.collect). */
  onAction?: (action: UnmatchedAction, p: PaymentItem) => void;
  /** Receipt button on applied payments (principals with receipts.print). */
  onReceipt?: (p: PaymentItem) => void;
}

/** Columns shared by the payments list and the unmatched queue. */
export function paymentColumns(o: ColumnOptions): ColumnDef<PaymentItem>[] {
  const { t, tf } = o;
  const cols: ColumnDef<PaymentItem>[] = [
    { id: 'receivedAt', header: t('payments.col.receivedAt'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm">{tf.dateTime(row.original.receivedAt)}</Text> },
    { id: 'amount', header: t('payments.col.amount'), meta: { nowrap: true, align: 'right' }, cell: ({ row }) => <Text size="sm" fw={600}>{o.money(row.original.amountMinor)}</Text> },
    { id: 'method', header: t('payments.col.method'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm">{t(`payments.provider.${row.original.provider}`)}</Text> },
    { id: 'reference', header: t('payments.col.reference'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm" ff="monospace">{row.original.reference}</Text> },
    {
      id: 'payer',
      header: t('payments.col.payer'),
      cell: ({ row: { original: p } }) => (
        <Stack gap={0}>
          <Text size="sm">{p.payerName ?? p.phone ?? ''}</Text>
          {p.accountRef && <Text size="xs" c="dimmed">{p.accountRef}</Text>}
        </Stack>
      ),
    },
    {
      id: 'subscriber',
      header: t('payments.col.subscriber'),
      cell: ({ row: { original: p } }) => <Text size="sm">{p.subscriberName ? `${p.subscriberName} (${p.accountNumber ?? ''})` : ''}</Text>,
    },
    { id: 'status', header: t('payments.col.status'), meta: { nowrap: true }, cell: ({ row }) => <Badge variant="light" color={STATUS_COLORS[row.original.status]}>{t(`payments.status.${row.original.status}`)}</Badge> },
    { id: 'recordedBy', header: t('payments.col.recordedBy'), cell: ({ row }) => <Text size="sm">{row.original.recordedBy.name}</Text> },
  ];
  const { onAction, onReceipt } = o;
  if (!onAction && !onReceipt) return cols;
  cols.push({
    id: 'actions',
    header: () => null,
    meta: { align: 'right', width: onAction && onReceipt ? 96 : 56 },
    cell: ({ row: { original: p } }) => (
      <Group gap={4} justify="flex-end" wrap="nowrap">
        {onReceipt && p.status === 'applied' && (
          <ActionIcon variant="subtle" color="gray" aria-label={t('payments.receiptFor', { reference: p.reference })} onClick={() => onReceipt(p)}>
            <IconReceipt size={18} />
          </ActionIcon>
        )}
        {onAction && (
          <Menu position="bottom-end" width={220}>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t('payments.actionsFor', { reference: p.reference })}><IconDotsVertical size={18} /></ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => onAction('assign', p)}>{t('payments.assign')}</Menu.Item>
              <Menu.Item leftSection={<IconArchive size={16} />} onClick={() => onAction('set-aside', p)}>{t('payments.setAside')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    ),
  });
  return cols;
}
