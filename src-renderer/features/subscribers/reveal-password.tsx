import { Button, Code, Group, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/scope-context';
import { ConfirmModal } from '../../components/confirm-modal';

/** Shows a PPPoE password after a confirmation; main records who looked in the audit log. */
export function RevealPassword({ subscriberId, onRevealed }: { subscriberId: string; onRevealed: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const [asking, setAsking] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  if (password !== null) {
    return (
      <Group gap="xs">
        <Code fz="sm" data-testid="revealed-password">{password}</Code>
        <Button size="compact-xs" variant="subtle" onClick={() => setPassword(null)}>{t('subscriberDetail.hidePassword')}</Button>
      </Group>
    );
  }
  return (
    <>
      <Button size="compact-sm" variant="light" leftSection={<IconEye size={14} />} onClick={() => setAsking(true)}>{t('subscriberDetail.revealPassword')}</Button>
      <ConfirmModal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('subscriberDetail.revealTitle')}
        confirmLabel={t('subscriberDetail.revealConfirm')}
        onConfirm={async () => {
          setPassword((await callIn('subscribers.reveal-password', { subscriberId })).password);
          onRevealed();
        }}
      >
        <Text size="sm">{t('subscriberDetail.revealBody')}</Text>
      </ConfirmModal>
    </>
  );
}
