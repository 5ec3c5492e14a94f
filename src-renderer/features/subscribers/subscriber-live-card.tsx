import { Alert, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '@shared/domain/time';
import { useRpc } from '../../app/use-rpc';
import { ErrorAlert } from '../../components/error-alert';
import { usePolling, useStickyError } from '../routers/hooks';
import { formatBitRate } from '../routers/units';

/** Live traffic is one `monitor-traffic once` per read: every few seconds is live enough and light on the router. */
export const LIVE_REFRESH_MS = 5_000;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">{label}</Text>
      <div>{children}</div>
    </Stack>
  );
}

/** "Router state": what the subscriber's router says now, re-read while the page is open. */
export function SubscriberLiveCard({ subscriberId, routerName }: { subscriberId: string; routerName: string }) {
  const { t } = useTranslation();
  const live = useRpc('subscribers.live', { subscriberId });
  usePolling(live.reload, LIVE_REFRESH_MS);
  const error = useStickyError(live);
  const s = live.data;
  // Main answers UNAVAILABLE (key router.unavailable) when the router cannot be reached; its words follow the sentence.
  const unreachable = error?.code === 'UNAVAILABLE';

  return (
    <Paper p="md" radius="md" withBorder aria-label={t('subscriberDetail.live.title')}>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('subscriberDetail.live.title')}</Title>
        {s && !error && <Badge color={s.online ? 'green' : 'gray'} variant="light">{t(s.online ? 'subscriberDetail.live.online' : 'subscriberDetail.live.offline')}</Badge>}
      </Group>
      {unreachable && (
        <Alert color="orange" variant="light" icon={<IconPlugConnectedX size={18} />} title={t('subscriberDetail.live.routerOffline', { router: routerName })}>
          <Text size="sm">{error.message}</Text>
        </Alert>
      )}
      {error && !unreachable && <ErrorAlert error={error} onRetry={live.reload} />}
      {!s && !error && live.loading && <Skeleton height={80} />}
      {s && !error && !s.online && <Text size="sm" c="dimmed">{t('subscriberDetail.live.notConnected')}</Text>}
      {s && !error && s.online && (
        <SimpleGrid cols={2} spacing="sm">
          <Fact label={t('subscriberDetail.live.uptime')}>{s.uptimeSec === null ? '—' : formatDuration(s.uptimeSec * 1000)}</Fact>
          <Fact label={t('subscriberDetail.live.address')}><Text ff="monospace" size="sm">{s.address ?? '—'}</Text></Fact>
          <Fact label={t('subscriberDetail.live.callerId')}><Text ff="monospace" size="sm">{s.callerId ?? '—'}</Text></Fact>
          <Fact label={t('subscriberDetail.live.traffic')}>
            <Text size="sm">
              {s.rxBitsPerSecond === null || s.txBitsPerSecond === null
                ? '—'
                : t('subscriberDetail.live.rates', { up: formatBitRate(s.rxBitsPerSecond), down: formatBitRate(s.txBitsPerSecond) })}
            </Text>
          </Fact>
        </SimpleGrid>
      )}
    </Paper>
  );
}
