import { ActionIcon, Menu, Text } from '@mantine/core';
import { IconDotsVertical, IconEdit, IconFileTypePdf, IconTrash } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { VoucherTemplate } from '@shared/contract/voucher-templates';
import type { TimeFormat } from '../../app/time-format';

export type TemplateAction = 'edit' | 'pdf' | 'delete';

interface ColumnOptions {
  t: TFunction;
  tf: TimeFormat;
  canManage: boolean;
  onAction: (action: TemplateAction, template: VoucherTemplate) => void;
}

export function templateColumns({ t, tf, canManage, onAction }: ColumnOptions): ColumnDef<VoucherTemplate>[] {
  const actions: TemplateAction[] = canManage ? ['edit', 'pdf', 'delete'] : ['pdf'];
  const icons = { edit: IconEdit, pdf: IconFileTypePdf, delete: IconTrash } as const;
  return [
    { id: 'name', header: t('voucherTemplates.col.name'), cell: ({ row }) => <Text size="sm" fw={500}>{row.original.name}</Text> },
    { id: 'layout', header: t('voucherTemplates.col.layout'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm">{t(`voucherTemplates.layout.${row.original.layout}`)}</Text> },
    { id: 'dnsName', header: t('voucherTemplates.col.dnsName'), cell: ({ row }) => <Text size="sm" ff="monospace">{row.original.dnsName}</Text> },
    { id: 'updated', header: t('voucherTemplates.col.updated'), meta: { nowrap: true }, cell: ({ row }) => <Text size="sm">{tf.dateTime(row.original.updatedAt)}</Text> },
    {
      id: 'actions',
      header: () => null,
      meta: { nowrap: true, align: 'right' },
      cell: ({ row }) => (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" aria-label={t('voucherTemplates.actionsFor', { name: row.original.name })}><IconDotsVertical size={16} /></ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {actions.map((a) => {
              const Icon = icons[a];
              return <Menu.Item key={a} color={a === 'delete' ? 'red' : undefined} leftSection={<Icon size={14} />} onClick={() => onAction(a, row.original)}>{t(`voucherTemplates.action.${a}`)}</Menu.Item>;
            })}
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];
}
