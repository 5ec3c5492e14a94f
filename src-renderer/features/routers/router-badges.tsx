import { Badge, Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RouterStatus } from '@shared/contract/routers';
import { useTimeFormat } from '../../app/time-format';

export const STATUS_COLORS: Record<RouterStatus, string> = { online: 'green', degraded: 'yellow', offline: 'red', unknown: 'gray' };

/** State as a coloured dot and a word: readable in a dense table, never cut to "onl…". */
export function RouterStatusBadge({ status, size = 'sm' }: { status: RouterStatus; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return <StateDot color={STATUS_COLORS[status]} label={t(`routers.status.${status}`)} size={size} />;
}

/** A coloured dot and a word, for any row state (online/offline, enabled/disabled). */
export function StateDot({ color, label, size = 'sm', weight = 600 }: { color: string; label: string; size?: 'xs' | 'sm' | 'md' | 'lg'; weight?: number }) {
  return (
    <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
      <Box w={8} h={8} bg={`var(--mantine-color-${color}-6)`} style={{ borderRadius: '50%', flexShrink: 0 }} aria-hidden />
      <Text size={size} fw={weight} style={{ whiteSpace: 'nowrap' }}>{label}</Text>
    </Group>
  );
}

/** Status with how long it has held ("since 5 minutes ago"; the exact time in a tooltip). */
export function RouterStatusCell({ status, since, now }: { status: RouterStatus; since: string | null; now: number }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  return (
    <Stack gap={2} align="flex-start">
      <RouterStatusBadge status={status} />
      {since && (
        <Tooltip label={tf.dateTime(since)}>
          <Text size="xs" c="dimmed">{t('routers.since', { when: tf.relative(since, now) })}</Text>
        </Tooltip>
      )}
    </Stack>
  );
}

export function CoreBadge({ size = 'xs' }: { size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('routers.coreHint')}>
      <Badge color="violet" variant="light" size={size} style={{ flexShrink: 0 }}>{t('routers.core')}</Badge>
    </Tooltip>
  );
}

export function TlsBadge({ size = 'xs' }: { size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return <Badge color="teal" variant="outline" size={size} style={{ flexShrink: 0 }}>{t('routers.apiSsl')}</Badge>;
}
