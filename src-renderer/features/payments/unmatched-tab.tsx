import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentItem } from '@shared/contract/payments';
import { usePrincipal } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { useEvent } from '../../app/use-event';
import { useRpc } from '../../app/use-rpc';
import { DataTable, pagedRows } from '../../components/data-table';
import { EmptyNotice } from '../../components/empty-notice';
import { useTableQuery } from '../../components/use-table-query';
import { CsvExportButton } from './csv-export-button';
import { paymentColumns, type UnmatchedAction } from './payment-columns';
import { UnmatchedDialogs } from './unmatched-dialogs';
import { useMoney } from './use-money';

/** The unmatched queue, oldest first; staff who collect money assign each payment or set it aside. */
export function UnmatchedTab({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const money = useMoney();
  const principal = usePrincipal();
  const canCollect = principal.kind === 'staff' && principal.permissions.includes('payments.collect');
  const query = useTableQuery<never>({});
  const list = useRpc('payments.unmatched.list', { page: query.page, pageSize: query.pageSize });
  // Payments arriving or leaving the queue elsewhere (M-Pesa, another desk) show up without a reload.
  useEvent('payments.unmatched-changed', () => list.reload());
  const [dialog, setDialog] = useState<{ action: UnmatchedAction; payment: PaymentItem } | null>(null);
  const columns = useMemo(
    () => paymentColumns({ t, tf, money, onAction: canCollect ? (action, payment) => setDialog({ action, payment }) : undefined }),
    [t, tf, money, canCollect],
  );

  return (
    <>
      <DataTable
        label={t('payments.tab.unmatched')}
        columns={columns}
        {...pagedRows(list)}
        getRowId={(p) => p.id}
        query={query}
        searchable={false}
        filters={<CsvExportButton input={{ list: 'unmatched' }} />}
        empty={<EmptyNotice title={t('payments.unmatchedEmptyTitle')} description={t('payments.unmatchedEmptyBody')} />}
      />
      {dialog && (
        <UnmatchedDialogs
          action={dialog.action}
          payment={dialog.payment}
          onClose={() => setDialog(null)}
          onDone={() => {
            list.reload();
            onChanged();
          }}
        />
      )}
    </>
  );
}
