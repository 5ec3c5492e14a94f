import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';

export interface PickedSubscriber {
  id: string;
  label: string;
  phone: string;
  /** The subscriber's package price: what a payment request asks for unless changed. */
  priceMinor: number | null;
}

interface SubscriberPickerProps {
  value: PickedSubscriber | null;
  disabled?: boolean;
  onChange: (s: PickedSubscriber | null) => void;
}

/** Finds a subscriber by name, phone or account (searched on the main side) for a payment request. */
export function SubscriberPicker({ value, disabled, onChange }: SubscriberPickerProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useRpc('subscribers.list', { page: 1, pageSize: 20, ...(q ? { q } : {}) });
  const options = useMemo(() => {
    const rows = (found.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.fullName} (${s.accountNumber})` }));
    return value && !rows.some((r) => r.value === value.id) ? [{ value: value.id, label: value.label }, ...rows] : rows;
  }, [found.data, value]);

  const pick = async (id: string | null) => {
    const s = found.data?.items.find((x) => x.id === id);
    if (!s) {
      onChange(null);
      return;
    }
    const label = `${s.fullName} (${s.accountNumber})`;
    onChange({ id: s.id, label, phone: s.phones[0] ?? '', priceMinor: null });
    // The price lives on the package; a failed read just leaves the amount for staff to type.
    const pkg = await callIn('packages.get', { packageId: s.packageId }).catch(() => null);
    if (pkg) onChange({ id: s.id, label, phone: s.phones[0] ?? '', priceMinor: pkg.priceMinor });
  };

  return (
    <Select
      label={t('mpesa.stk.subscriber')}
      placeholder={t('mpesa.stk.subscriberSearch')}
      data={options}
      value={value?.id ?? null}
      onChange={(v) => void pick(v)}
      searchable
      clearable
      disabled={disabled}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={found.loading ? undefined : t('table.noMatches')}
    />
  );
}
