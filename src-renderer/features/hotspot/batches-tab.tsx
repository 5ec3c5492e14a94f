import { Button, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconPrinter } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoucherBatchSummary } from '@shared/contract/hotspot';
import { useCall } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { useTableQuery } from '../../components/use-table-query';
import { BatchFormModal } from './batch-form-modal';
import { batchColumns, type BatchAction } from './batch-columns';
import { PrintModal } from './print-modal';
import { useHotspotViewer, usePlanOptions } from './use-hotspot-options';

type Dialog = { kind: 'create' } | { kind: 'print'; batchId?: string } | { kind: 'revoke' | 'cancel'; batch: VoucherBatchSummary } | null;

/** Voucher batches: generate, watch each push, cancel it, print, revoke. */
export function BatchesTab({ onShowVouchers }: { onShowVouchers: (batch: VoucherBatchSummary) => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const tf = useTimeFormat();
  const { currency, canManage, locale } = useHotspotViewer();
  const plans = usePlanOptions();
  const query = useTableQuery<'serial' | 'createdAt', { planId: string | undefined }>({ sort: { field: 'serial', dir: 'desc' }, filters: { planId: undefined } });
  const list = useRpc('hotspot.batches.list', query.input);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [version, setVersion] = useState(0);
  const close = () => setDialog(null);
  const refresh = () => {
    list.reload();
    setVersion((v) => v + 1);
  };
  const columns = useMemo(() => {
    const onAction = (action: BatchAction, b: VoucherBatchSummary) => {
      if (action === 'vouchers') onShowVouchers(b);
      else if (action === 'print') setDialog({ kind: 'print', batchId: b.id });
      else setDialog({ kind: action, batch: b });
    };
    return batchColumns({ t, currency, locale, formatInstant: tf.dateTime, planNames: plans.names, canManage, version, onAction });
  }, [t, currency, locale, tf, plans.names, canManage, version, onShowVouchers]);
  const activePlans = plans.options.filter((p) => p.active);
  const create = () => setDialog({ kind: 'create' });
  const batch = dialog && 'batch' in dialog ? dialog.batch : undefined;

  return (
    <>
      <DataTable
        label={t('hotspot.tab.batches')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(b) => b.id}
        query={query}
        searchPlaceholder={t('hotspot.batches.search')}
        filters={
          <>
            <Select aria-label={t('hotspot.batches.planFilter')} placeholder={t('hotspot.batches.allPlans')} data={plans.options} clearable w={200}
              value={query.filters.planId ?? null} onChange={(v) => query.setFilter('planId', v ?? undefined)} />
            <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setDialog({ kind: 'print' })}>{t('hotspot.print.open')}</Button>
            {canManage && activePlans.length > 0 && <Button leftSection={<IconPlus size={16} />} onClick={create}>{t('hotspot.batches.create')}</Button>}
          </>
        }
        empty={
          <EmptyNotice
            title={t('hotspot.batches.emptyTitle')}
            description={t(!canManage ? 'hotspot.batches.emptyBodyReadOnly' : activePlans.length > 0 ? 'hotspot.batches.emptyBody' : 'hotspot.batches.emptyBodyNoPlan')}
            action={canManage && activePlans.length > 0 ? <Button onClick={create}>{t('hotspot.batches.createFirst')}</Button> : undefined}
          />
        }
      />
      <BatchFormModal opened={dialog?.kind === 'create'} plans={activePlans} currency={currency} onClose={close} onDone={refresh} />
      <PrintModal opened={dialog?.kind === 'print'} initial={{ batchId: dialog?.kind === 'print' ? dialog.batchId : undefined }} onClose={close} />
      {batch && (
        <ConfirmModal
          opened={dialog?.kind === 'revoke' || dialog?.kind === 'cancel'}
          onClose={close}
          color="red"
          title={t(dialog?.kind === 'cancel' ? 'hotspot.batches.cancelTitle' : 'hotspot.batches.revokeTitle', { comment: batch.comment })}
          confirmLabel={t(dialog?.kind === 'cancel' ? 'hotspot.batches.cancel' : 'hotspot.batches.revoke')}
          onConfirm={async () => {
            if (dialog?.kind === 'cancel') {
              const r = await callIn('hotspot.batches.cancel', { batchId: batch.id });
              notifications.show({ color: 'green', title: t('hotspot.batches.cancelledTitle'), message: t('hotspot.batches.cancelledBody', r) });
            } else {
              const r = await callIn('hotspot.vouchers.revoke', { batchId: batch.id });
              notifications.show({ color: 'green', title: t('hotspot.batches.revokedTitle'), message: t('hotspot.batches.revokedBody', { count: r.revoked }) });
            }
            refresh();
          }}
        >
          <Text size="sm">{t(dialog?.kind === 'cancel' ? 'hotspot.batches.cancelBody' : 'hotspot.batches.revokeBody')}</Text>
        </ConfirmModal>
      )}
    </>
  );
}
