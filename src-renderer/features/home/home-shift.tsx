import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCashRegister } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '@shared/domain/money';
import { useCall } from '../../app/scope-context';
import { useTimeFormat } from '../../app/time-format';
import { toApiError, useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { ErrorAlert } from '../../components/error-alert';
import { drawerAmountToMinor, drawerDifference } from './home-money-state';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={600}>{children}</Text>
    </Stack>
  );
}

/**
 * The cashier's drawer: open a shift with the float, watch the expected cash grow as cash is recorded,
 * close it with the counted cash (the dialog shows expected, counted and the difference before it is saved).
 */
export function HomeShiftCard({ currency }: { currency: string }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const call = useCall();
  const current = useRpc('shifts.current', {});
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string } | null>(null);
  const [closing, setClosing] = useState(false);
  const money = (minor: number) => formatMoney(minor, currency, tf.locale);
  const minor = drawerAmountToMinor(amount, currency);
  const amountError = amount.trim() !== '' && minor === null ? t('homeMoney.shift.amountInvalid') : null;
  const shift = current.data?.shift ?? null;
  const last = current.data?.last ?? null;

  const open = async () => {
    if (minor === null) return;
    setBusy(true);
    setError(null);
    try {
      await call('shifts.open', { openingFloatMinor: minor });
      notifications.show({ color: 'green', title: t('homeMoney.shift.openedTitle'), message: money(minor) });
      setAmount('');
      current.reload();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const diff = shift && minor !== null ? drawerDifference(shift.expectedMinor, minor) : null;
  return (
    <Card withBorder radius="md" padding="md" aria-label={t('homeMoney.shift.title')}>
      <Stack gap="sm">
        <Group gap="xs"><IconCashRegister size={18} /><Text fw={600}>{t('homeMoney.shift.title')}</Text></Group>
        <ErrorAlert error={current.error ?? error} onRetry={current.reload} />
        {current.data && !shift && (
          <>
            <Text size="sm" c="dimmed">{t('homeMoney.shift.none')}</Text>
            {last && last.differenceMinor !== null && last.countedMinor !== null && last.closedAt !== null && (
              <Text size="sm">{t('homeMoney.shift.lastClosed', { when: tf.dateTime(last.closedAt), expected: money(last.expectedMinor), counted: money(last.countedMinor), difference: money(last.differenceMinor) })}</Text>
            )}
            <Group align="flex-end" gap="sm">
              <TextInput label={t('homeMoney.shift.float', { currency })} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={amountError} inputMode="decimal" />
              <Button onClick={() => void open()} loading={busy} disabled={minor === null}>{t('homeMoney.shift.open')}</Button>
            </Group>
          </>
        )}
        {shift && (
          <>
            <Text size="sm" c="dimmed">{t('homeMoney.shift.openedAt', { when: tf.dateTime(shift.openedAt) })}</Text>
            <SimpleGrid cols={3} spacing="sm">
              <Fact label={t('homeMoney.shift.floatFact')}>{money(shift.openingFloatMinor)}</Fact>
              <Fact label={t('homeMoney.shift.cashFact')}>{money(shift.cashMinor)}</Fact>
              <Fact label={t('homeMoney.shift.expectedFact')}>{money(shift.expectedMinor)}</Fact>
            </SimpleGrid>
            <Group align="flex-end" gap="sm">
              <TextInput label={t('homeMoney.shift.counted', { currency })} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={amountError} inputMode="decimal" />
              <Button variant="default" onClick={() => { current.reload(); setClosing(true); }} disabled={minor === null}>{t('homeMoney.shift.close')}</Button>
            </Group>
          </>
        )}
      </Stack>
      <ConfirmModal
        opened={closing && shift !== null && minor !== null}
        onClose={() => setClosing(false)}
        title={t('homeMoney.shift.closeTitle')}
        confirmLabel={t('homeMoney.shift.close')}
        onConfirm={async () => {
          if (minor === null) return;
          const r = await call('shifts.close', { countedMinor: minor });
          notifications.show({ color: r.differenceMinor === 0 ? 'green' : 'orange', title: t('homeMoney.shift.closedTitle'), message: t('homeMoney.shift.difference', { amount: money(r.differenceMinor ?? 0) }) });
          setAmount('');
          current.reload();
        }}
      >
        {shift && minor !== null && diff && (
          <>
            <Text size="sm">{t('homeMoney.shift.closeBody', { expected: money(shift.expectedMinor), counted: money(minor) })}</Text>
            <Text size="sm" fw={600} c={diff.tone === 'short' ? 'red' : diff.tone === 'over' ? 'orange' : 'green'}>
              {diff.tone === 'balanced' ? t('homeMoney.shift.balanced') : t('homeMoney.shift.difference', { amount: money(diff.differenceMinor) })}
            </Text>
          </>
        )}
      </ConfirmModal>
    </Card>
  );
}
