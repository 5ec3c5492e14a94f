import { Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRpc } from '../../app/use-rpc';
import { StkRequestForm } from './stk-request-form';

interface RequestPaymentModalProps {
  opened: boolean;
  subscriber: { id: string; fullName: string; phones: string[]; packageId: string };
  onClose: () => void;
  /** A paid request renews the subscriber: the page reloads what it shows. */
  onPaid: () => void;
}

/** "Request payment" on the subscriber page: an STK push prefilled with their phone and package price. */
export function RequestPaymentModal({ opened, subscriber, onClose, onPaid }: RequestPaymentModalProps) {
  const { t } = useTranslation();
  const pkg = useRpc('packages.get', { packageId: subscriber.packageId }, { enabled: opened });
  return (
    <Modal opened={opened} onClose={onClose} title={t('mpesa.stk.dialogTitle', { name: subscriber.fullName })} size="md">
      {opened && !pkg.loading && (
        <Stack gap="md">
          <Text size="sm">{t('mpesa.stk.dialogBody')}</Text>
          <StkRequestForm
            prefill={{ subscriberId: subscriber.id, phone: subscriber.phones[0] ?? '', amountMinor: pkg.data?.priceMinor ?? null }}
            onEnded={(ok) => { if (ok) onPaid(); }}
          />
        </Stack>
      )}
    </Modal>
  );
}
