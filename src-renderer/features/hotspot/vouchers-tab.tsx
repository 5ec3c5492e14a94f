import { Button, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconX } from '@tabler/icons-react';
import { VOUCHER_STATES, type VoucherState } from '@shared/domain/voucher-status';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoucherBatchSummary, VoucherSummary } from '@shared/contract/hotspot';
import { useCall } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { useTableQuery } from '../../components/use-table-query';
import { PrintModal } from './print-modal';
import { RefreshStatesButton } from './refresh-states-button';
import { voucherColumns, type VoucherAction } from './voucher-columns';
import { useHotspotViewer } from './use-hotspot-options';

interface VouchersTabProps {
  /** Shown only this batch's vouchers (from the batches tab); null = all. */
  batch: VoucherBatchSummary | null;
  onClearBatch: () => void;
}

/** Vouchers: find a code, filter by state (from router counters), refresh states, reprint, reset counters or revoke one. */
export function VouchersTab({ batch, onClearBatch }: VouchersTabProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const tf = useTimeFormat();
  const { canManage } = useHotspotViewer();
  const query = useTableQuery<'code' | 'createdAt', { state: VoucherState | undefined; batchId: string | undefined }>({
    sort: { field: 'code', dir: 'asc' }, filters: { state: undefined, batchId: batch?.id },
  });
  const { setFilter } = query;
  useEffect(() => setFilter('batchId', batch?.id), [batch, setFilter]);
  const list = useRpc('hotspot.vouchers.list', query.input);
  const [dialog, setDialog] = useState<{ kind: VoucherAction; voucher: VoucherSummary } | null>(null);
  const columns = useMemo(
    () => voucherColumns({ t, formatInstant: tf.dateTime, canManage, onAction: (kind, voucher) => setDialog({ kind, voucher }) }),
    [t, tf, canManage],
  );
  const v = dialog?.voucher;

  return (
    <>
      <DataTable
        label={t('hotspot.tab.vouchers')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(x) => x.id}
        query={query}
        searchPlaceholder={t('hotspot.vouchers.search')}
        filters={
          <>
            <Select aria-label={t('hotspot.vouchers.statusFilter')} placeholder={t('hotspot.vouchers.allStatuses')} clearable w={170}
              data={VOUCHER_STATES.map((s) => ({ value: s, label: t(`hotspot.voucherState.${s}`) }))}
              value={query.filters.state ?? null} onChange={(x) => query.setFilter('state', (x ?? undefined) as VoucherState | undefined)} />
            <RefreshStatesButton onDone={list.reload} />
            {batch && (
              <Button variant="light" rightSection={<IconX size={14} />} onClick={onClearBatch} aria-label={t('hotspot.vouchers.clearBatch')}>
                {t('hotspot.vouchers.batchFilter', { comment: batch.comment })}
              </Button>
            )}
          </>
        }
        empty={<EmptyNotice title={t('hotspot.vouchers.emptyTitle')} description={t('hotspot.vouchers.emptyBody')} />}
      />
      <PrintModal opened={dialog?.kind === 'print'} initial={{ codes: v ? [v.code] : [] }} onClose={() => setDialog(null)} />
      {v && (
        <ConfirmModal
          opened={dialog?.kind === 'revoke'}
          onClose={() => setDialog(null)}
          color="red"
          title={t('hotspot.vouchers.revokeTitle', { code: v.code })}
          confirmLabel={t('hotspot.vouchers.revoke')}
          onConfirm={async () => {
            await callIn('hotspot.vouchers.revoke', { voucherId: v.id });
            notifications.show({ color: 'green', title: t('hotspot.vouchers.revokedTitle'), message: v.code });
            list.reload();
          }}
        >
          <Text size="sm">{t('hotspot.vouchers.revokeBody')}</Text>
        </ConfirmModal>
      )}
      {v && (
        <ConfirmModal
          opened={dialog?.kind === 'reset'}
          onClose={() => setDialog(null)}
          title={t('hotspot.vouchers.resetTitle', { code: v.code })}
          confirmLabel={t('hotspot.vouchers.reset')}
          onConfirm={async () => {
            await callIn('hotspot.vouchers.reset-counters', { voucherId: v.id });
            notifications.show({ color: 'green', title: t('hotspot.vouchers.resetDone'), message: v.code });
            list.reload();
          }}
        >
          <Text size="sm">{t('hotspot.vouchers.resetBody')}</Text>
        </ConfirmModal>
      )}
    </>
  );
}
