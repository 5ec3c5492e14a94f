import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouterSummary } from '@shared/contract/routers';
import { ErrorAlert } from '../../components/error-alert';
import { ContactingRouter, DiagnosisCard } from './diagnosis-card';
import { TrustCertificateModal } from './trust-certificate-modal';
import { useConnectionTest } from './use-connection-test';

interface TestConnectionModalProps {
  opened: boolean;
  onClose: () => void;
  router: RouterSummary;
  /** The test records the outcome on the router (status, version…): the caller re-reads it. */
  onDone: () => void;
}

/** "Test connection" for a saved router: runs straight away and explains the result. */
export function TestConnectionModal({ opened, onClose, router, onDone }: TestConnectionModalProps) {
  const { t } = useTranslation();
  const test = useConnectionTest();
  const { run, reset } = test;
  const [trustNew, setTrustNew] = useState(false);

  // The caller's onDone is a new function on each of its renders; only opening (or another router) re-runs the test.
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  useEffect(() => {
    if (!opened) return;
    void run({ routerId: router.id }).then(() => done.current());
    return reset;
  }, [opened, router.id, run, reset]);

  const d = test.diagnosis;
  const again = () => void run({ routerId: router.id }).then(() => done.current());

  return (
    <Modal opened={opened} onClose={onClose} title={t('routers.testTitle', { name: router.name })} size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">{t('routers.testIntro', { address: `${router.host}:${router.port}` })}</Text>
        {test.running ? (
          <ContactingRouter />
        ) : d ? (
          <DiagnosisCard diagnosis={d} onTrustNew={d.kind === 'tls-pin-mismatch' ? () => setTrustNew(true) : undefined} />
        ) : (
          <ErrorAlert error={test.error} title={t('routers.diagnosis.failed')} />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={again} disabled={test.running}>
            {t('routers.testAgain')}
          </Button>
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
      {d?.kind === 'tls-pin-mismatch' && d.details.tlsFingerprint && (
        <TrustCertificateModal
          opened={trustNew}
          onClose={() => setTrustNew(false)}
          router={router}
          expected={d.details.expectedFingerprint}
          actual={d.details.tlsFingerprint}
          onDone={() => {
            onDone();
            again();
          }}
        />
      )}
    </Modal>
  );
}
