import { Select } from '@mantine/core';
import { useRpc } from '../../app/use-rpc';

interface BatchSelectProps {
  label: string;
  placeholder?: string;
  value: string | null;
  onChange: (batchId: string | null) => void;
  error?: string;
  clearable?: boolean;
}

/** The 100 newest voucher batches by their router comment (`vc-007-…`), newest first. */
export function BatchSelect({ label, placeholder, value, onChange, error, clearable }: BatchSelectProps) {
  const batches = useRpc('hotspot.batches.list', { page: 1, pageSize: 100, sort: { field: 'serial', dir: 'desc' } });
  const data = (batches.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.comment} (${b.count - b.revokedCount})` }));
  return (
    <Select label={label} placeholder={placeholder} data={data} value={value} onChange={onChange} error={error} clearable={clearable} searchable
      nothingFoundMessage="—" />
  );
}
