import { Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceSummary } from '@shared/contract/invoices';
import { useCall } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { ConfirmModal } from '../../components/confirm-modal';

interface InvoiceDialogsProps {
  action: 'issue' | 'void' | null;
  invoice: InvoiceSummary;
  money: (amountMinor: number) => string;
  onClose: () => void;
  onDone: () => void;
}

/** Issue (asked first: it takes a number for good) and void (asked, with a reason for the audit log). */
export function InvoiceDialogs({ action, invoice: inv, money, onClose, onDone }: InvoiceDialogsProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const tf = useTimeFormat();
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (action) setReason('');
  }, [action]);
  const number = inv.number ?? t('invoices.draftNumber');

  return (
    <>
      <ConfirmModal
        opened={action === 'issue'}
        onClose={onClose}
        title={t('invoices.issueTitle')}
        confirmLabel={t('invoices.action.issue')}
        onConfirm={async () => {
          const out = await callIn('invoices.issue', { invoiceId: inv.id });
          notifications.show({ color: 'green', title: t('invoices.issuedTitle'), message: t('invoices.issuedBody', { number: out.number ?? '' }) });
          onDone();
        }}
      >
        <Text size="sm">{t('invoices.issueBody', { total: money(inv.totalMinor), name: inv.subscriberName, due: tf.date(inv.dueAt) })}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={action === 'void'}
        onClose={onClose}
        title={t('invoices.voidTitle', { number })}
        confirmLabel={t('invoices.action.void')}
        color="red"
        confirmDisabled={reason.trim().length < 3}
        onConfirm={async () => {
          await callIn('invoices.void', { invoiceId: inv.id, reason: reason.trim() });
          notifications.show({ color: 'green', title: t('invoices.voidedTitle'), message: number });
          onDone();
        }}
      >
        <Text size="sm">{t('invoices.voidBody')}</Text>
        <TextInput label={t('invoices.voidReason')} description={t('invoices.voidReasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
      </ConfirmModal>
    </>
  );
}
