import { NumberInput, SegmentedControl, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StockRow } from '@shared/contract/voucher-sales';
import { useRpc } from '../../app/use-rpc';

export interface PickState {
  by: 'plan' | 'batch';
  planId: string | null;
  count: number | string;
  batchId: string | null;
}

export const emptyPick: PickState = { by: 'plan', planId: null, count: 1, batchId: null };

/** What a sale takes: N vouchers of a plan (with what is left of each), or every unsold voucher of one batch. */
export function SellPickFields({ opened, plans, value, onChange }: {
  opened: boolean;
  plans: StockRow[];
  value: PickState;
  onChange: (next: PickState) => void;
}) {
  const { t } = useTranslation();
  const batches = useRpc('hotspot.batches.list', { page: 1, pageSize: 500 }, { enabled: opened && value.by === 'batch' });
  const names = new Map(plans.map((p) => [p.planId, p.planName]));
  const plan = plans.find((p) => p.planId === value.planId);
  const set = (patch: Partial<PickState>) => onChange({ ...value, ...patch });

  return (
    <>
      <SegmentedControl
        aria-label={t('voucherSales.sell.pickBy')}
        value={value.by}
        onChange={(v) => set({ by: v as PickState['by'] })}
        data={[{ value: 'plan', label: t('voucherSales.sell.byPlan') }, { value: 'batch', label: t('voucherSales.sell.byBatch') }]}
      />
      {value.by === 'plan' ? (
        <>
          {plans.length === 0 && <Text size="sm" c="dimmed">{t('voucherSales.sell.noPlans')}</Text>}
          <Select
            label={t('voucherSales.sell.plan')}
            data={plans.map((p) => ({ value: p.planId, label: t('voucherSales.sell.planOption', { name: p.planName, available: p.available }) }))}
            value={value.planId}
            onChange={(v) => set({ planId: v })}
            searchable
          />
          <NumberInput label={t('voucherSales.sell.count')} value={value.count} onChange={(v) => set({ count: v })} min={1} max={plan?.available ?? 10_000} allowDecimal={false} />
        </>
      ) : (
        <Select
          label={t('voucherSales.sell.batch')}
          description={t('voucherSales.sell.batchHint')}
          data={(batches.data?.items ?? []).map((b) => ({
            value: b.id, label: t('voucherSales.sell.batchOption', { serial: b.serial, plan: names.get(b.planId) ?? '', note: b.note }),
          }))}
          value={value.batchId}
          onChange={(v) => set({ batchId: v })}
          searchable
        />
      )}
    </>
  );
}
