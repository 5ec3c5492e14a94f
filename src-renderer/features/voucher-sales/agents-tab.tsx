import { ActionIcon, Button, Menu, Text } from '@mantine/core';
import { IconDotsVertical, IconPlus } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentSummary } from '@shared/contract/voucher-sales';
import { usePrincipal } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { useTableQuery } from '../../components/use-table-query';
import { useMoney } from '../payments/use-money';
import { AgentFormModal } from './agent-form-modal';
import { AgentStatementModal } from './agent-statement-modal';
import { TopUpModal } from './top-up-modal';

type Action = { kind: 'create' } | { kind: 'edit' | 'top-up' | 'statement'; agent: AgentSummary };

/** Agents with their discount and float; add or edit one (admin), top up a float, read its statement. */
export function AgentsTab({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const principal = usePrincipal();
  const may = (p: string) => principal.kind === 'staff' && principal.permissions.some((x) => x === p);
  const mayCollect = may('payments.collect');
  const mayManage = may('subscribers.manage');
  const query = useTableQuery<'name' | 'createdAt'>({});
  const list = useRpc('agents.list', query.input);
  const [action, setAction] = useState<Action | null>(null);
  const done = () => {
    list.reload();
    onChanged();
  };
  const columns = useMemo<ColumnDef<AgentSummary>[]>(() => [
    { id: 'name', header: t('voucherSales.agents.col.name'), meta: { sortable: true }, cell: ({ row }) => <Text size="sm" fw={500}>{row.original.name}</Text> },
    { id: 'phone', header: t('voucherSales.agents.col.phone'), cell: ({ row }) => <Text size="sm">{row.original.phone ?? ''}</Text> },
    { id: 'discount', header: t('voucherSales.agents.col.discount'), meta: { align: 'right' }, cell: ({ row }) => <Text size="sm">{t('voucherSales.agents.discountValue', { discount: row.original.discountBp / 100 })}</Text> },
    { id: 'balance', header: t('voucherSales.agents.col.balance'), meta: { align: 'right', nowrap: true }, cell: ({ row }) => <Text size="sm" fw={600}>{money(row.original.balanceMinor)}</Text> },
    {
      id: 'actions', header: '', meta: { align: 'right' },
      cell: ({ row: { original: a } }) => (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" aria-label={t('voucherSales.agents.actions', { name: a.name })}><IconDotsVertical size={16} /></ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {mayCollect && <Menu.Item onClick={() => setAction({ kind: 'top-up', agent: a })}>{t('voucherSales.agents.topUp')}</Menu.Item>}
            <Menu.Item onClick={() => setAction({ kind: 'statement', agent: a })}>{t('voucherSales.agents.statement')}</Menu.Item>
            {mayManage && <Menu.Item onClick={() => setAction({ kind: 'edit', agent: a })}>{t('voucherSales.agents.edit')}</Menu.Item>}
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ], [t, money, mayCollect, mayManage]);
  const addButton = mayManage ? <Button leftSection={<IconPlus size={16} />} onClick={() => setAction({ kind: 'create' })}>{t('voucherSales.agents.add')}</Button> : undefined;

  return (
    <>
      <DataTable
        label={t('voucherSales.agents.label')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(a) => a.id}
        query={query}
        filters={addButton}
        empty={<EmptyNotice title={t('voucherSales.agents.emptyTitle')} description={t('voucherSales.agents.emptyBody')} action={addButton} />}
      />
      <AgentFormModal opened={action?.kind === 'create' || action?.kind === 'edit'} agent={action && action.kind === 'edit' ? action.agent : null} onClose={() => setAction(null)} onDone={done} />
      <TopUpModal agent={action?.kind === 'top-up' ? action.agent : null} onClose={() => setAction(null)} onDone={done} />
      <AgentStatementModal agent={action?.kind === 'statement' ? action.agent : null} onClose={() => setAction(null)} onChanged={done} />
    </>
  );
}
