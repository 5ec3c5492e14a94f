import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMoney } from '../payments/use-money';
import { stkResultKey, type StkPhase } from './stk-follow';

interface StkProgressProps {
  phase: StkPhase;
  onCheckAgain: () => void;
  /** Offered once a request has ended: a new push is then safe. */
  onAgain: () => void;
}

/** Where a payment request stands, in plain words: sending, waiting for the PIN, paid, or why not. */
export function StkProgress({ phase, onCheckAgain, onAgain }: StkProgressProps) {
  const { t } = useTranslation();
  const money = useMoney();
  switch (phase.kind) {
    case 'idle':
      return null;
    case 'sending':
      return <Group gap="sm" role="status"><Loader size="sm" /><Text size="sm">{t('mpesa.stk.sending')}</Text></Group>;
    case 'refused':
      return <Alert color="red" icon={<IconCircleX size={18} />} title={t('mpesa.stk.refusedTitle')}>{phase.message}</Alert>;
    case 'waiting':
      return (
        <Group gap="sm" role="status">
          <Loader size="sm" />
          <Text size="sm">
            {phase.checks === 0
              ? t('mpesa.stk.waitingStart', { phone: phase.request.phone })
              : t('mpesa.stk.waiting', { phone: phase.request.phone, count: phase.checks })}
          </Text>
        </Group>
      );
    case 'lost':
      return (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
          <Text size="sm">{t('mpesa.stk.lost', { message: phase.message })}</Text>
          <Button size="xs" mt="sm" variant="default" onClick={onCheckAgain}>{t('mpesa.stk.checkAgain')}</Button>
        </Alert>
      );
    case 'ended': {
      const { key, ok } = stkResultKey(phase.request);
      return (
        <Alert role="status" color={ok ? 'green' : 'red'} icon={ok ? <IconCircleCheck size={18} /> : <IconCircleX size={18} />}>
          <Text size="sm">{t(`mpesa.stk.result.${key}`, { amount: money(phase.request.amountMinor) })}</Text>
          {phase.request.receipt && <Text size="sm" ff="monospace" mt={4}>{t('mpesa.stk.receipt', { receipt: phase.request.receipt })}</Text>}
          <Button size="xs" mt="sm" variant="default" onClick={onAgain}>{ok ? t('mpesa.stk.again') : t('mpesa.stk.tryAgain')}</Button>
        </Alert>
      );
    }
  }
}
