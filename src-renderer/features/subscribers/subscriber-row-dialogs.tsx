import { NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubscriberSummary } from '@shared/contract/subscribers';
import { PERIOD_UNITS, type PeriodUnit } from '@shared/domain/billing-period';
import { useCall } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { ConfirmModal } from '../../components/confirm-modal';
import type { RowAction } from './subscriber-columns';

interface RowDialogsProps {
  action: Exclude<RowAction, 'edit'> | null;
  subscriber: SubscriberSummary;
  onClose: () => void;
  /** After a change: the subscriber as main now has it, or null when deleted. */
  onDone: (saved: SubscriberSummary | null) => void;
}

/** Extend, suspend, disable, reconnect and delete one subscriber, each asked for first. */
export function SubscriberRowDialogs({ action, subscriber: s, onClose, onDone }: RowDialogsProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const tf = useTimeFormat();
  const [count, setCount] = useState<number | string>(1);
  const [unit, setUnit] = useState<PeriodUnit>('months');
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (action) {
      setCount(1);
      setUnit('months');
      setReason('');
    }
  }, [action]);

  const done = (saved: SubscriberSummary | null, title: string, message?: string) => {
    notifications.show({ color: 'green', title, message: message ?? s.fullName });
    onDone(saved);
  };

  return (
    <>
      <ConfirmModal
        opened={action === 'extend'}
        onClose={onClose}
        title={t('subscribers.extendTitle', { name: s.fullName })}
        confirmLabel={t('subscribers.extendConfirm')}
        confirmDisabled={typeof count !== 'number' || count < 1}
        onConfirm={async () => {
          const saved = await callIn('subscribers.extend', { subscriberId: s.id, count: Number(count), unit });
          done(saved, t('subscribers.extendedTitle'), t('subscribers.extendedBody', { name: saved.fullName, when: tf.dateTime(saved.expiresAt) }));
        }}
      >
        <Text size="sm">{t('subscribers.extendBody')}</Text>
        <SimpleGrid cols={2}>
          <NumberInput label={t('subscribers.extendCount')} value={count} onChange={setCount} min={1} max={1000} allowDecimal={false} />
          <Select
            label={t('subscribers.extendUnit')}
            data={PERIOD_UNITS.map((u) => ({ value: u, label: t(`packages.unitName.${u}`) }))}
            value={unit}
            onChange={(v) => v && setUnit(v as PeriodUnit)}
            allowDeselect={false}
          />
        </SimpleGrid>
      </ConfirmModal>
      <ConfirmModal
        opened={action === 'suspend'}
        onClose={onClose}
        title={t('subscribers.suspendTitle', { name: s.fullName })}
        confirmLabel={t('subscribers.suspendConfirm')}
        color="red"
        onConfirm={async () => done(await callIn('subscribers.suspend', { subscriberId: s.id, reason }), t('subscribers.suspendedTitle'))}
      >
        <Text size="sm">{t('subscribers.suspendBody')}</Text>
        <TextInput label={t('subscribers.suspendReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </ConfirmModal>
      <ConfirmModal
        opened={action === 'disable'}
        onClose={onClose}
        title={t('subscribers.disableTitle', { name: s.fullName })}
        confirmLabel={t('subscribers.disableConfirm')}
        color="red"
        onConfirm={async () => done(await callIn('subscribers.disable', { subscriberId: s.id, reason }), t('subscribers.disabledTitle'))}
      >
        <Text size="sm">{t('subscribers.disableBody')}</Text>
        <TextInput label={t('subscribers.disableReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </ConfirmModal>
      <ConfirmModal
        opened={action === 'reconnect'}
        onClose={onClose}
        title={t('subscribers.reconnectTitle', { name: s.fullName })}
        confirmLabel={t('subscribers.reconnect')}
        color="green"
        onConfirm={async () => done(await callIn('subscribers.reconnect', { subscriberId: s.id }), t('subscribers.reconnectedTitle'))}
      >
        <Text size="sm">{t('subscribers.reconnectBody')}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={action === 'delete'}
        onClose={onClose}
        title={t('subscribers.deleteTitle', { name: s.fullName })}
        confirmLabel={t('subscribers.deleteConfirm')}
        color="red"
        onConfirm={async () => {
          await callIn('subscribers.delete', { subscriberId: s.id });
          done(null, t('subscribers.deletedTitle'));
        }}
      >
        <Text size="sm">{t('subscribers.deleteBody')}</Text>
      </ConfirmModal>
    </>
  );
}
