import { Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentItem } from '@shared/contract/payments';
import { useCall } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import type { UnmatchedAction } from './payment-columns';
import { useMoney } from './use-money';

interface UnmatchedDialogsProps {
  action: UnmatchedAction | null;
  payment: PaymentItem;
  onClose: () => void;
  onDone: () => void;
}

/** Assign an unmatched payment to a subscriber, or set it aside with a reason; each asked for first. */
export function UnmatchedDialogs({ action, payment: p, onClose, onDone }: UnmatchedDialogsProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const money = useMoney();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [subscriberId, setSubscriberId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (action) {
      setSearch('');
      setSubscriberId(null);
      setReason('');
    }
  }, [action]);

  const found = useRpc('subscribers.list', { page: 1, pageSize: 20, ...(q ? { q } : {}) }, { enabled: action === 'assign' });
  // Keep the picked subscriber even when a new search no longer lists it.
  const [picked, setPicked] = useState<{ id: string; fullName: string; accountNumber: string } | null>(null);
  const options = useMemo(() => {
    const items = found.data?.items ?? [];
    const rows = picked && !items.some((s) => s.id === picked.id) ? [picked, ...items] : items;
    return rows.map((s) => ({ value: s.id, label: `${s.fullName} (${s.accountNumber})` }));
  }, [found.data, picked]);
  const amount = money(p.amountMinor);

  return (
    <>
      <ConfirmModal
        opened={action === 'assign'}
        onClose={onClose}
        title={t('payments.assignTitle', { reference: p.reference })}
        confirmLabel={t('payments.assignConfirm')}
        confirmDisabled={!subscriberId}
        onConfirm={async () => {
          if (!subscriberId) return;
          const out = await callIn('payments.unmatched.assign', { paymentId: p.id, subscriberId });
          notifications.show({
            color: 'green',
            title: t('payments.assignedTitle'),
            message: t('payments.assignedBody', { amount, name: out.payment.subscriberName ?? '', balance: money(out.balanceMinor) }),
          });
          onDone();
        }}
      >
        <Text size="sm">{t('payments.assignBody')}</Text>
        <Select
          label={t('payments.assignPick')}
          placeholder={t('payments.assignSearch')}
          data={options}
          value={subscriberId}
          onChange={(v) => {
            setSubscriberId(v);
            const s = found.data?.items.find((x) => x.id === v);
            if (s) setPicked({ id: s.id, fullName: s.fullName, accountNumber: s.accountNumber });
          }}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: o }) => o}
          nothingFoundMessage={found.loading ? undefined : t('table.noMatches')}
        />
        {picked && subscriberId === picked.id && (
          <Text size="sm" fw={600}>{t('payments.assignConfirmText', { amount, name: picked.fullName, account: picked.accountNumber })}</Text>
        )}
      </ConfirmModal>
      <ConfirmModal
        opened={action === 'set-aside'}
        onClose={onClose}
        title={t('payments.setAsideTitle', { reference: p.reference })}
        confirmLabel={t('payments.setAsideConfirm')}
        color="red"
        confirmDisabled={reason.trim().length < 3}
        onConfirm={async () => {
          await callIn('payments.unmatched.set-aside', { paymentId: p.id, reason });
          notifications.show({ color: 'green', title: t('payments.setAsideDoneTitle'), message: `${p.reference} · ${amount}` });
          onDone();
        }}
      >
        <Text size="sm">{t('payments.setAsideBody', { amount })}</Text>
        <TextInput label={t('payments.setAsideReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
      </ConfirmModal>
    </>
  );
}
