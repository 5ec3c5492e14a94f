import { Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { useCall } from '../../app/scope-context';
import { useEvent } from '../../app/use-event';
import { ConfirmModal } from '../../components/confirm-modal';

export type AdoptionResult = OutputOf<'adoption.apply'>;

/** Asks before adopting (it creates many rows at once), then shows main's progress events until it answers. */
export function AdoptionApplyModal({ routerId, routerName, counts, prices, onClose, onDone }: {
  routerId: string;
  routerName: string;
  counts: { toAdopt: number; packagesToCreate: number; staticToAdopt: number; staticPackagesToCreate: number };
  prices: { profile: string; priceMinor: number }[];
  onClose: () => void;
  onDone: (result: AdoptionResult) => void;
}) {
  const { t } = useTranslation();
  const callIn = useCall();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEvent('adoption.progress', (p) => {
    if (p.routerId === routerId) setProgress({ done: p.done, total: p.total });
  });

  const apply = async () => {
    setProgress({ done: 0, total: counts.toAdopt + counts.staticToAdopt });
    try {
      onDone(await callIn('adoption.apply', { routerId, prices, confirm: true }));
    } finally {
      setProgress(null);
    }
  };

  return (
    <ConfirmModal opened onClose={onClose} title={t('adoption.confirmTitle', { router: routerName })} confirmLabel={t('adoption.confirm')} onConfirm={apply}>
      <Text size="sm">{t('adoption.confirmBody', { subscribers: counts.toAdopt + counts.staticToAdopt, packages: counts.packagesToCreate + counts.staticPackagesToCreate })}</Text>
      {progress && (
        <Stack gap={4}>
          <Progress aria-label={t('adoption.progressLabel')} value={progress.total > 0 ? (100 * progress.done) / progress.total : 0} animated />
          <Text size="sm">{t('adoption.progress', progress)}</Text>
        </Stack>
      )}
    </ConfirmModal>
  );
}
