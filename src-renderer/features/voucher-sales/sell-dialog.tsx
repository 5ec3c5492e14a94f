import { SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '@shared/contract';
import { PAYMENT_PROVIDERS } from '@shared/contract/payments';
import { uuidv7 } from '@shared/domain/ids';
import { useCall } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { ErrorAlert } from '../../components/error-alert';
import { useMoney } from '../payments/use-money';
import { emptyPick, SellPickFields, type PickState } from './sell-pick-fields';
import { SoldVouchersModal } from './sold-vouchers-modal';

type Method = (typeof PAYMENT_PROVIDERS)[number];

/**
 * Sell N vouchers of a plan to a customer (paid by cash, M-Pesa, bank or card) or to an agent (from its float at
 * its discount). The summary says what will happen before Sell; the codes sold are shown afterwards.
 */
export function SellDialog({ opened, onClose, onDone }: { opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const money = useMoney();
  const [pick, setPick] = useState<PickState>(emptyPick);
  const [buyer, setBuyer] = useState<'walk-in' | 'agent'>('walk-in');
  const [agentId, setAgentId] = useState<string | null>(null);
  const [method, setMethod] = useState<Method>('cash');
  const [reference, setReference] = useState('');
  // One key per opened dialog: a double click or a retry sells once.
  const [requestKey, setRequestKey] = useState(() => uuidv7());
  const [sold, setSold] = useState<OutputOf<'vouchers.sell'> | null>(null);
  useEffect(() => {
    if (opened) {
      setPick(emptyPick);
      setBuyer('walk-in');
      setAgentId(null);
      setMethod('cash');
      setReference('');
      setRequestKey(uuidv7());
    }
  }, [opened]);

  const stock = useRpc('vouchers.stock', { page: 1, pageSize: 500 }, { enabled: opened });
  const agents = useRpc('agents.list', { page: 1, pageSize: 500 }, { enabled: opened && buyer === 'agent' });
  const plans = useMemo(() => (stock.data?.items ?? []).filter((p) => p.available > 0), [stock.data]);
  const plan = pick.by === 'plan' ? plans.find((p) => p.planId === pick.planId) : undefined;
  const agent = agents.data?.items.find((a) => a.id === agentId);
  const n = typeof pick.count === 'number' ? pick.count : 0;
  const picked = pick.by === 'batch' ? pick.batchId !== null : !!plan && Number.isInteger(n) && n >= 1 && n <= plan.available;
  const needsReference = buyer === 'walk-in' && method !== 'cash' && reference.trim() === '';
  const complete = picked && !needsReference && (buyer === 'walk-in' || !!agent);
  const input: InputOf<'vouchers.sell'> = {
    requestKey, pick: pick.by === 'batch' ? { by: 'batch', batchId: pick.batchId ?? '' } : { by: 'plan', planId: plan?.planId ?? '', count: n },
    buyer: buyer === 'agent' ? { kind: 'agent', agentId: agentId ?? '' } : { kind: 'walk-in', method, reference: reference.trim() || undefined },
  };
  // The same code as the sale, rolled back: the exact vouchers, prices and any refusal, before Sell.
  const preview = useRpc('vouchers.sell.preview', input, { enabled: opened && complete });
  const p = complete ? preview.data?.sale : undefined;

  return (
    <>
      <ConfirmModal
        opened={opened}
        onClose={onClose}
        title={t('voucherSales.sell.title')}
        confirmLabel={t('voucherSales.sell.confirm')}
        confirmDisabled={!p || preview.loading}
        onConfirm={async () => {
          const out = await callIn('vouchers.sell', input);
          notifications.show({ color: 'green', title: t('voucherSales.sell.doneTitle'), message: t('voucherSales.sell.soldTitle', { count: out.sale.count, total: money(out.sale.totalMinor) }) });
          setSold(out);
          onDone();
        }}
      >
        <Stack gap="sm">
          <SellPickFields opened={opened} plans={plans} value={pick} onChange={setPick} />
          <SegmentedControl
            aria-label={t('voucherSales.sell.buyer')}
            value={buyer}
            onChange={(v) => setBuyer(v as 'walk-in' | 'agent')}
            data={[{ value: 'walk-in', label: t('voucherSales.sell.walkIn') }, { value: 'agent', label: t('voucherSales.sell.agent') }]}
          />
          {buyer === 'agent' ? (
            <Select
              label={t('voucherSales.sell.pickAgent')}
              data={(agents.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name} (${money(a.balanceMinor)})` }))}
              value={agentId}
              onChange={setAgentId}
              searchable
            />
          ) : (
            <>
              <Select
                label={t('voucherSales.sell.method')}
                data={PAYMENT_PROVIDERS.map((p) => ({ value: p, label: t(`payments.provider.${p}`) }))}
                value={method}
                onChange={(v) => v && setMethod(v as Method)}
                allowDeselect={false}
              />
              <TextInput label={t('voucherSales.sell.reference')} description={t('voucherSales.sell.referenceHint')} value={reference}
                onChange={(e) => setReference(e.currentTarget.value)} required={method !== 'cash'} />
            </>
          )}
          {complete && <ErrorAlert error={preview.error ?? null} />}
          {p && (
            <Text size="sm" fw={600}>
              {p.agentName
                ? t('voucherSales.sell.summaryAgent', { count: p.count, plan: p.planName, agent: p.agentName, total: money(p.totalMinor), discount: p.discountBp / 100, list: money(p.listTotalMinor) })
                : t('voucherSales.sell.summaryWalkIn', { count: p.count, plan: p.planName, total: money(p.totalMinor), method: t(`payments.provider.${method}`) })}
            </Text>
          )}
        </Stack>
      </ConfirmModal>
      <SoldVouchersModal sold={sold} onClose={() => setSold(null)} />
    </>
  );
}
