import { Alert, Button, Group, List, Modal, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { useCall, usePrincipal } from '../../app/scope-context';
import { useRpc } from '../../app/use-rpc';
import { ConfirmModal } from '../../components/confirm-modal';
import { ErrorAlert } from '../../components/error-alert';
import { AdoptHotspotPlans } from './adopt-hotspot-plans';

type Preview = OutputOf<'hotspot.adopt.preview'>;

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} size="lg">{value}</Text>
    </Stack>
  );
}

function Skipped({ skipped }: { skipped: Preview['skipped'] }) {
  const { t } = useTranslation();
  if (skipped.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">{t('hotspotAdopt.skippedTitle')}</Text>
      <List size="sm">
        {skipped.map((s) => (
          <List.Item key={s.reason}>{t('hotspotAdopt.skippedItem', { count: s.count, reason: t(`hotspotAdopt.skip.${s.reason}`), examples: s.examples.join(', ') })}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/**
 * "Adopt hotspot users": the preview (read from the router, nothing written) with counts, plans and the
 * users left out and why; then adopt after a confirmation. The router itself is never changed.
 */
export function AdoptHotspotModal({ routerId, onClose, onDone }: { routerId: string; onClose: () => void; onDone?: () => void }) {
  const { t } = useTranslation();
  const callIn = useCall();
  const principal = usePrincipal();
  const currency = principal.kind === 'staff' ? principal.tenant.currency : 'KES';
  const preview = useRpc('hotspot.adopt.preview', { routerId });
  const [confirming, setConfirming] = useState(false);
  const p = preview.data;

  const apply = async () => {
    const r = await callIn('hotspot.adopt.apply', { routerId, confirm: true });
    notifications.show({ color: 'green', title: t('hotspotAdopt.doneTitle'), message: t('hotspotAdopt.doneBody', { vouchers: r.vouchersCreated, batches: r.batchesCreated, plans: r.plansCreated }) });
    onDone?.();
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('hotspotAdopt.title')} size="xl">
      <Stack gap="md">
        <Text size="sm" c="dimmed">{t('hotspotAdopt.intro')}</Text>
        <ErrorAlert error={preview.error ?? null} onRetry={preview.reload} />
        {!p && !preview.error && <Skeleton h={180} radius="md" />}
        {p && (
          <>
            <SimpleGrid cols={{ base: 3, sm: 6 }}>
              <Stat label={t('hotspotAdopt.counts.users')} value={p.counts.users} />
              <Stat label={t('hotspotAdopt.counts.plansNew')} value={p.counts.plansNew} />
              <Stat label={t('hotspotAdopt.counts.batchesNew')} value={p.counts.batchesNew} />
              <Stat label={t('hotspotAdopt.counts.vouchersNew')} value={p.counts.vouchersNew} />
              <Stat label={t('hotspotAdopt.counts.vouchersExisting')} value={p.counts.vouchersExisting} />
              <Stat label={t('hotspotAdopt.counts.skipped')} value={p.counts.skipped} />
            </SimpleGrid>
            {p.plans.length > 0 && <AdoptHotspotPlans plans={p.plans} currency={currency} />}
            <Skipped skipped={p.skipped} />
            {p.counts.vouchersNew === 0 && p.counts.plansNew === 0 && <Alert color="gray">{t('hotspotAdopt.nothing')}</Alert>}
          </>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button disabled={!p || (p.counts.vouchersNew === 0 && p.counts.plansNew === 0)} onClick={() => setConfirming(true)}>
            {t('hotspotAdopt.adopt', { count: p?.counts.vouchersNew ?? 0 })}
          </Button>
        </Group>
      </Stack>
      {p && (
        <ConfirmModal
          opened={confirming}
          onClose={() => setConfirming(false)}
          title={t('hotspotAdopt.confirmTitle', { count: p.counts.vouchersNew })}
          confirmLabel={t('hotspotAdopt.confirm')}
          onConfirm={apply}
        >
          <Text size="sm">{t('hotspotAdopt.confirmBody', { plans: p.counts.plansNew, vouchers: p.counts.vouchersNew, batches: p.counts.batchesNew })}</Text>
        </ConfirmModal>
      )}
    </Modal>
  );
}
