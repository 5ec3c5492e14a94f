import { SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { CASH_METHODS } from '@shared/contract/payments';
import { formatMoney } from '@shared/domain/money';
import { useCall } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { ConfirmModal } from '../../components/confirm-modal';
import { ReceiptModal } from '../payments/receipt-modal';
import { amountTextToMinor, signedMoney } from './wallet-amount';

type Entry = OutputOf<'wallet.get'>['entries']['items'][number];
export type WalletAction = { kind: 'record' } | { kind: 'adjust' } | { kind: 'reverse'; entry: Entry };
type Method = (typeof CASH_METHODS)[number];

interface WalletDialogsProps {
  action: WalletAction | null;
  subscriberId: string;
  subscriberName: string;
  currency: string;
  onClose: () => void;
  onDone: () => void;
}

/** Record a payment, adjust the wallet, reverse one entry: each asked for, main's refusal shown in the dialog. */
export function WalletDialogs({ action, subscriberId, subscriberName, currency, onClose, onDone }: WalletDialogsProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const tf = useTimeFormat();
  const [method, setMethod] = useState<Method>('cash');
  const [direction, setDirection] = useState<'credit' | 'debit'>('credit');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [text, setText] = useState('');
  // The payment just recorded: its receipt is offered at once (print or open, in the chosen format).
  const [receiptOf, setReceiptOf] = useState<{ id: string; reference: string } | null>(null);
  useEffect(() => {
    if (action) {
      setMethod('cash');
      setDirection('credit');
      setAmount('');
      setReference('');
      setText('');
    }
  }, [action]);

  const money = (minor: number) => formatMoney(minor, currency, tf.locale);
  const amountMinor = amountTextToMinor(amount, currency);
  const amountError = amount.trim() !== '' && amountMinor === null ? t('wallet.amountInvalid') : null;
  const needsReference = method !== 'cash' && reference.trim() === '';
  const reasonShort = text.trim().length < 3;
  const done = (title: string, message: string) => {
    notifications.show({ color: 'green', title, message });
    onDone();
  };
  const amountField = (
    <TextInput label={t('wallet.amountLabel', { currency })} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={amountError} inputMode="decimal" data-autofocus />
  );
  const reasonField = (
    <TextInput label={t('wallet.reasonLabel')} description={t('wallet.reasonHint')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
  );

  return (
    <>
      <ConfirmModal
        opened={action?.kind === 'record'}
        onClose={onClose}
        title={t('wallet.record.title', { name: subscriberName })}
        confirmLabel={t('wallet.record.confirm')}
        confirmDisabled={amountMinor === null || needsReference}
        onConfirm={async () => {
          if (amountMinor === null) return;
          const r = await callIn('payments.cash.record', { subscriberId, amountMinor, method, reference: reference.trim() || undefined, note: text.trim() || undefined });
          const vars = { amount: money(r.payment.amountMinor), balance: money(r.balanceMinor), when: r.expiresAt ? tf.dateTime(r.expiresAt) : '' };
          done(t('wallet.record.doneTitle'), r.periods > 0 && r.expiresAt ? t('wallet.record.doneRenewed', vars) : t('wallet.record.doneBody', vars));
          setReceiptOf({ id: r.payment.id, reference: r.payment.reference });
        }}
      >
        <Text size="sm">{t('wallet.record.body')}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={500}>{t('wallet.record.method')}</Text>
          <SegmentedControl value={method} onChange={(v) => setMethod(v as Method)} data={CASH_METHODS.map((m) => ({ value: m, label: t(`wallet.record.methodName.${m}`) }))} />
        </Stack>
        {amountField}
        <TextInput
          label={t('wallet.record.reference')}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          withAsterisk={method !== 'cash'}
          error={needsReference && amountMinor !== null ? t('wallet.record.referenceRequired') : null}
        />
        <TextInput label={t('wallet.record.note')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      </ConfirmModal>
      <ConfirmModal
        opened={action?.kind === 'adjust'}
        onClose={onClose}
        title={t('wallet.adjust.title', { name: subscriberName })}
        confirmLabel={t('wallet.adjust.confirm')}
        color={direction === 'debit' ? 'red' : undefined}
        confirmDisabled={amountMinor === null || reasonShort}
        onConfirm={async () => {
          if (amountMinor === null) return;
          const r = await callIn('wallet.adjust', { subscriberId, direction, amountMinor, reason: text.trim() });
          done(t('wallet.adjust.doneTitle'), t('wallet.adjust.doneBody', { balance: money(r.balanceMinor) }));
        }}
      >
        <Text size="sm">{t('wallet.adjust.body')}</Text>
        <SegmentedControl
          value={direction}
          onChange={(v) => setDirection(v as 'credit' | 'debit')}
          data={[{ value: 'credit', label: t('wallet.adjust.credit') }, { value: 'debit', label: t('wallet.adjust.debit') }]}
          aria-label={t('wallet.adjust.direction')}
        />
        {amountField}
        {reasonField}
      </ConfirmModal>
      <ConfirmModal
        opened={action?.kind === 'reverse'}
        onClose={onClose}
        title={t('wallet.reverse.title')}
        confirmLabel={t('wallet.reverse.confirm')}
        color="red"
        confirmDisabled={reasonShort}
        onConfirm={async () => {
          if (action?.kind !== 'reverse') return;
          const r = await callIn('wallet.reverse', { entryId: action.entry.id, reason: text.trim() });
          done(t('wallet.reverse.doneTitle'), t('wallet.reverse.doneBody', { balance: money(r.balanceMinor) }));
        }}
      >
        {action?.kind === 'reverse' && <Text size="sm">{t('wallet.reverse.body', { amount: signedMoney(-action.entry.amountMinor, currency, tf.locale) })}</Text>}
        {reasonField}
      </ConfirmModal>
      <ReceiptModal payment={receiptOf} onClose={() => setReceiptOf(null)} />
    </>
  );
}
