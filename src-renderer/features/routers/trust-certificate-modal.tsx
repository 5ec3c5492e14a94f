import { Alert, Code, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RouterSummary } from '@shared/contract/routers';
import { useCall } from '../../app/scope-context';
import { ConfirmModal } from '../../components/confirm-modal';
import { FINGERPRINT_STYLE } from './diagnosis-card';

interface TrustCertificateModalProps {
  opened: boolean;
  onClose: () => void;
  router: Pick<RouterSummary, 'id' | 'name'>;
  expected: string | null;
  actual: string;
  onDone: (router: RouterSummary) => void;
}

/** A saved router presents another API-SSL certificate: accept it only after a clear warning. */
export function TrustCertificateModal({ opened, onClose, router, expected, actual, onDone }: TrustCertificateModalProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t('routers.trustNew.title', { name: router.name })}
      color="orange"
      confirmLabel={t('routers.trustNew.confirm')}
      onConfirm={async () => {
        const updated = await callIn('routers.trust-certificate', { routerId: router.id, tlsFingerprint: actual });
        notifications.show({ color: 'green', title: t('routers.trustNew.doneTitle'), message: t('routers.trustNew.doneBody', { name: router.name }) });
        onDone(updated);
      }}
    >
      <Alert color="orange" variant="light" icon={<IconAlertTriangle size={20} />} title={t('routers.trustNew.warningTitle')}>
        {t('routers.trustNew.warning')}
      </Alert>
      <Stack gap={4}>
        <Text size="sm" fw={600}>{t('routers.diagnosis.expectedFingerprint')}</Text>
        <Code block fz="xs" style={FINGERPRINT_STYLE}>{expected ?? '—'}</Code>
        <Text size="sm" fw={600}>{t('routers.diagnosis.actualFingerprint')}</Text>
        <Code block fz="xs" style={FINGERPRINT_STYLE}>{actual}</Code>
      </Stack>
    </ConfirmModal>
  );
}
