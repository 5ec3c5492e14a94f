import { Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYMENT_PROVIDERS } from '@shared/contract/payments';
import type { AgentSummary } from '@shared/contract/voucher-sales';
import { uuidv7 } from '@shared/domain/ids';
import { usePrincipal, useCall } from '../../app/scope-context';
import { ConfirmModal } from '../../components/confirm-modal';
import { useMoney } from '../payments/use-money';
import { amountTextToMinor } from '../wallet/wallet-amount';

type Method = (typeof PAYMENT_PROVIDERS)[number];

/** Money an agent pays into its float: amount, method and reference; it counts in the day's collections. */
export function TopUpModal({ agent, onClose, onDone }: { agent: AgentSummary | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const money = useMoney();
  const principal = usePrincipal();
  const currency = principal.kind === 'staff' ? principal.tenant.currency : 'KES';
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<Method>('cash');
  const [reference, setReference] = useState('');
  const [requestKey, setRequestKey] = useState(() => uuidv7());
  useEffect(() => {
    if (agent) {
      setAmount('');
      setMethod('cash');
      setReference('');
      setRequestKey(uuidv7());
    }
  }, [agent]);
  const amountMinor = amountTextToMinor(amount, currency);
  const amountError = amount.trim() !== '' && amountMinor === null ? t('voucherSales.agents.amountInvalid') : null;

  return (
    <ConfirmModal
      opened={agent !== null}
      onClose={onClose}
      title={t('voucherSales.agents.topUpTitle', { name: agent?.name ?? '' })}
      confirmLabel={t('voucherSales.agents.topUpConfirm')}
      confirmDisabled={amountMinor === null || (method !== 'cash' && reference.trim() === '')}
      onConfirm={async () => {
        if (!agent || amountMinor === null) return;
        const r = await callIn('agents.top-up', { agentId: agent.id, amountMinor, method, reference: reference.trim() || undefined, requestKey });
        notifications.show({ color: 'green', title: t('voucherSales.agents.toppedUpTitle'), message: t('voucherSales.agents.toppedUpBody', { name: agent.name, balance: money(r.balanceMinor) }) });
        onDone();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('voucherSales.agents.topUpBody')}</Text>
        <TextInput label={t('voucherSales.agents.amount', { currency })} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={amountError} inputMode="decimal" data-autofocus />
        <Select label={t('voucherSales.sell.method')} data={PAYMENT_PROVIDERS.map((p) => ({ value: p, label: t(`payments.provider.${p}`) }))}
          value={method} onChange={(v) => v && setMethod(v as Method)} allowDeselect={false} />
        <TextInput label={t('voucherSales.sell.reference')} description={t('voucherSales.sell.referenceHint')} value={reference}
          onChange={(e) => setReference(e.currentTarget.value)} required={method !== 'cash'} />
      </Stack>
    </ConfirmModal>
  );
}
