import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRpc } from '../../app/use-rpc';

const POLL_MS = 2_000;

interface BatchProgressProps {
  batchId: string;
  /** Offered while vouchers are still queued, to staff who may cancel. */
  onCancel?: () => void;
  /** Bumped by the parent after a cancel or revoke, to read again at once. */
  version: number;
}

/**
 * A batch's push to the router: a bar of vouchers on the router, read again every two seconds while
 * some are queued; "waiting for the router" with the connection's words while it is offline.
 */
export function BatchProgress({ batchId, onCancel, version }: BatchProgressProps) {
  const { t } = useTranslation();
  const p = useRpc('hotspot.batches.progress', { batchId });
  const { reload } = p;
  const queued = p.data?.queued ?? 0;
  useEffect(() => {
    if (queued === 0) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [queued, reload]);
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);

  if (!p.data) return <Text size="sm" c="dimmed">…</Text>;
  const { onRouter, refused, revoked, total, waitingReason } = p.data;
  const live = total - revoked;
  const label = queued === 0 && refused === 0 && live > 0 ? t('hotspot.progress.done', { total: live }) : t('hotspot.progress.label', { done: onRouter, total: live });
  return (
    <Stack gap={4} miw={200}>
      <Progress.Root size="md" aria-label={label}>
        <Progress.Section value={live === 0 ? 0 : (onRouter / live) * 100} color="green" />
        <Progress.Section value={live === 0 ? 0 : (refused / live) * 100} color="red" />
      </Progress.Root>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text size="xs">{label}</Text>
        {queued > 0 && onCancel && <Button size="compact-xs" variant="subtle" color="red" onClick={onCancel}>{t('hotspot.batches.cancel')}</Button>}
      </Group>
      {queued > 0 && waitingReason && <Text size="xs" c="orange">{t('hotspot.progress.waiting', { reason: waitingReason })}</Text>}
      {refused > 0 && <Text size="xs" c="red">{t('hotspot.progress.refused', { count: refused })}</Text>}
      {revoked > 0 && <Text size="xs" c="dimmed">{t('hotspot.progress.revoked', { count: revoked })}</Text>}
    </Stack>
  );
}
