import { NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { PAYMENT_PROVIDERS } from '@shared/contract/payments';
import { agentUnitPrice } from '@shared/domain/agent-float';
import { uuidv7 } from '@shared/domain/ids';
import { useCall } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { useMoney } from '../payments/use-money';
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
  const [planId, setPlanId] = useState<string | null>(null);
  const [count, setCount] = useState<number | string>(1);
  const [buyer, setBuyer] = useState<'walk-in' | 'agent'>('walk-in');
  const [agentId, setAgentId] = useState<string | null>(null);
  const [method, setMethod] = useState<Method>('cash');
  const [reference, setReference] = useState('');
  // One key per opened dialog: a double click or a retry sells once.
  const [requestKey, setRequestKey] = useState(() => uuidv7());
  const [sold, setSold] = useState<OutputOf<'vouchers.sell'> | null>(null);
  useEffect(() => {
    if (opened) {
      setPlanId(null);
      setCount(1);
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
  const plan = plans.find((p) => p.planId === planId);
  const agent = agents.data?.items.find((a) => a.id === agentId);
  const n = typeof count === 'number' ? count : 0;
  const countOk = Number.isInteger(n) && n >= 1 && (!plan || n <= plan.available);
  const needsReference = buyer === 'walk-in' && method !== 'cash' && reference.trim() === '';
  const ready = !!plan && countOk && !needsReference && (buyer === 'walk-in' || !!agent);
  // The plan's price: batches may differ, so main's total is the one recorded; this is the usual case.
  const unit = plan ? agentUnitPrice(plan.priceMinor, buyer === 'agent' ? agent?.discountBp ?? 0 : 0) : 0;

  return (
    <>
      <ConfirmModal
        opened={opened}
        onClose={onClose}
        title={t('voucherSales.sell.title')}
        confirmLabel={t('voucherSales.sell.confirm')}
        confirmDisabled={!ready}
        onConfirm={async () => {
          if (!plan) return;
          const out = await callIn('vouchers.sell', {
            requestKey, pick: { by: 'plan', planId: plan.planId, count: n },
            buyer: buyer === 'agent' ? { kind: 'agent', agentId: agentId ?? '' } : { kind: 'walk-in', method, reference: reference.trim() || undefined },
          });
          notifications.show({ color: 'green', title: t('voucherSales.sell.doneTitle'), message: t('voucherSales.sell.soldTitle', { count: out.sale.count, total: money(out.sale.totalMinor) }) });
          setSold(out);
          onDone();
        }}
      >
        <Stack gap="sm">
          {stock.data && plans.length === 0 && <Text size="sm" c="dimmed">{t('voucherSales.sell.noPlans')}</Text>}
          <Select
            label={t('voucherSales.sell.plan')}
            data={plans.map((p) => ({ value: p.planId, label: t('voucherSales.sell.planOption', { name: p.planName, available: p.available }) }))}
            value={planId}
            onChange={setPlanId}
            searchable
            data-autofocus
          />
          <NumberInput label={t('voucherSales.sell.count')} value={count} onChange={setCount} min={1} max={plan?.available ?? 10_000} allowDecimal={false} />
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
          {ready && plan && (
            <Text size="sm" fw={600}>
              {buyer === 'agent' && agent
                ? t('voucherSales.sell.summaryAgent', { count: n, plan: plan.planName, agent: agent.name, discount: agent.discountBp / 100, balance: money(agent.balanceMinor) })
                : t('voucherSales.sell.summaryWalkIn', { count: n, plan: plan.planName, total: money(unit * n), method: t(`payments.provider.${method}`) })}
            </Text>
          )}
        </Stack>
      </ConfirmModal>
      <SoldVouchersModal sold={sold} onClose={() => setSold(null)} />
    </>
  );
}
