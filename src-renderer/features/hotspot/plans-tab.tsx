import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotspotPlanSummary } from '@shared/contract/hotspot';
import { useRpc } from '../../app/use-rpc';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { useTableQuery } from '../../components/use-table-query';
import { planColumns } from './plan-columns';
import { PlanFormModal } from './plan-form-modal';
import { useHotspotRouters, useHotspotViewer } from './use-hotspot-options';

type Dialog = { kind: 'create' } | { kind: 'edit'; plan: HotspotPlanSummary } | null;

/** Hotspot plans: list, create and edit. */
export function PlansTab() {
  const { t } = useTranslation();
  const { currency, canManage, locale } = useHotspotViewer();
  const routers = useHotspotRouters();
  const query = useTableQuery<'name' | 'priceMinor' | 'status'>({ sort: { field: 'name', dir: 'asc' } });
  const list = useRpc('hotspot.plans.list', query.input);
  const [dialog, setDialog] = useState<Dialog>(null);
  const columns = useMemo(
    () => planColumns({ t, currency, locale, routerNames: routers.names, canManage, onEdit: (plan) => setDialog({ kind: 'edit', plan }) }),
    [t, currency, locale, routers.names, canManage],
  );
  const create = () => setDialog({ kind: 'create' });
  return (
    <>
      <DataTable
        label={t('hotspot.tab.plans')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(p) => p.id}
        query={query}
        searchPlaceholder={t('hotspot.plans.search')}
        filters={canManage && <Button leftSection={<IconPlus size={16} />} onClick={create}>{t('hotspot.plans.create')}</Button>}
        empty={
          <EmptyNotice
            title={t('hotspot.plans.emptyTitle')}
            description={t(canManage ? 'hotspot.plans.emptyBody' : 'hotspot.plans.emptyBodyReadOnly')}
            action={canManage ? <Button onClick={create}>{t('hotspot.plans.createFirst')}</Button> : undefined}
          />
        }
      />
      <PlanFormModal
        opened={dialog !== null}
        plan={dialog?.kind === 'edit' ? dialog.plan : undefined}
        routers={routers.options}
        currency={currency}
        onClose={() => setDialog(null)}
        onDone={list.reload}
      />
    </>
  );
}
