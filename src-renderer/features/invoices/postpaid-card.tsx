import { Group, Paper, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrincipal, useCall } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { ErrorAlert } from '../../components/error-alert';

interface PostpaidCardProps {
  subscriberId: string;
  subscriberName: string;
}

/**
 * The "Postpaid billing" switch of the subscriber page: on = invoiced monthly by the scheduled job. It asks
 * first; the channel writes the audit entry. Staff without payments.collect see the state only.
 */
export function PostpaidCard({ subscriberId, subscriberName }: PostpaidCardProps) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const callIn = useCall();
  const principal = usePrincipal();
  const canRead = principal.kind === 'staff' && principal.permissions.includes('payments.read');
  const canCollect = principal.kind === 'staff' && principal.permissions.includes('payments.collect');
  const state = useRpc('invoices.postpaid.get', { subscriberId }, { enabled: canRead });
  const [asking, setAsking] = useState<boolean | null>(null);
  if (!canRead) return null;
  const on = state.data?.postpaid ?? false;

  return (
    <Paper p="md" radius="md" withBorder>
      <Group justify="space-between" align="center">
        <div>
          <Title order={4}>{t('invoices.postpaid.title')}</Title>
          <Text size="sm" c="dimmed">
            {state.data ? (on && state.data.since ? t('invoices.postpaid.on', { since: tf.date(state.data.since) }) : t('invoices.postpaid.off')) : ''}
          </Text>
        </div>
        <Switch label={t('invoices.postpaid.switchLabel')} checked={on} disabled={!canCollect || !state.data}
          onChange={(e) => setAsking(e.currentTarget.checked)} />
      </Group>
      <ErrorAlert error={state.error ?? null} />
      <ConfirmModal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={t(asking ? 'invoices.postpaid.confirmOnTitle' : 'invoices.postpaid.confirmOffTitle', { name: subscriberName })}
        confirmLabel={t(asking ? 'invoices.postpaid.confirmOn' : 'invoices.postpaid.confirmOff')}
        color={asking ? undefined : 'red'}
        onConfirm={async () => {
          await callIn('invoices.postpaid.set', { subscriberId, postpaid: asking === true });
          notifications.show({ color: 'green', title: t('invoices.postpaid.changedTitle'), message: subscriberName });
          state.reload();
        }}
      >
        <Text size="sm">{t(asking ? 'invoices.postpaid.confirmOnBody' : 'invoices.postpaid.confirmOffBody', { name: subscriberName })}</Text>
      </ConfirmModal>
    </Paper>
  );
}
