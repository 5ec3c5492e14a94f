import { Alert, Card, DataList, Group, Progress, RingProgress, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '@shared/domain/time';
import { useTimeFormat } from '../../../app/time-format';
import { useRpc } from '../../../app/use-rpc';
import { ErrorAlert } from '../../../components/error-alert';
import type { RouterTabProps } from '../dashboard/tabs';
import { useNow, usePolling, useStickyError } from '../hooks';
import { LastKnown } from '../last-known';
import { SKEW_WARN_MS, formatByteSize, formatSkew } from '../units';

const REFRESH_MS = 10_000;

type OverviewData = NonNullable<ReturnType<typeof useRpc<'routers.dashboard.overview'>>['data']>;
const lastKnown = new LastKnown<OverviewData>();

function loadColor(percent: number): string {
  return percent >= 90 ? 'red' : percent >= 70 ? 'orange' : 'teal';
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children ?? '—'}</DataList.ItemValue>
    </DataList.Item>
  );
}

function UsageCard({ title, used, total, label }: { title: string; used: number; total: number; label: string }) {
  const { t } = useTranslation();
  const percent = total > 0 ? Math.round((used / total) * 100) : 0;
  return (
    <Card radius="md" padding="lg">
      <Text size="sm" c="dimmed" fw={600}>{title}</Text>
      <Text fz={28} fw={700} mt={4}>{percent} %</Text>
      <Progress value={percent} color={loadColor(percent)} size="lg" radius="xl" mt="sm" aria-label={label} />
      <Text size="sm" c="dimmed" mt="xs">{t('routers.overview.usedOf', { used: formatByteSize(used), total: formatByteSize(total) })}</Text>
    </Card>
  );
}

/** Identity, model, version, uptime, CPU, memory, disk, health and the router clock; re-read every 10 s. */
export function OverviewTab({ router }: RouterTabProps) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const overview = useRpc('routers.dashboard.overview', { routerId: router.id });
  usePolling(overview.reload, REFRESH_MS);
  const error = useStickyError(overview);
  const now = useNow();
  const [readAt, setReadAt] = useState<number | null>(() => lastKnown.get(router.id, Date.now())?.readAt ?? null);
  useEffect(() => {
    if (!overview.data) return;
    const at = Date.now();
    lastKnown.remember(router.id, overview.data, at);
    setReadAt(at);
  }, [overview.data, router.id]);

  const stale = !overview.data && error ? lastKnown.get(router.id, now) : null;
  const o = overview.data ?? stale?.data;
  const staleAge = stale ? formatDuration(stale.ageMs) : null;
  if (!o) {
    return error ? <ErrorAlert error={error} title={t('routers.tabError')} onRetry={overview.reload} /> : (
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {[0, 1, 2].map((i) => <Skeleton key={i} height={150} radius="md" />)}
      </SimpleGrid>
    );
  }
  const skew = o.clockSkewMs;
  const skewWarn = skew !== null && Math.abs(skew) > SKEW_WARN_MS;
  const cpuColor = loadColor(o.cpuLoadPercent);

  return (
    <Stack gap="md">
      {error && <ErrorAlert error={error} title={staleAge ? t('routers.overview.lastKnown', { age: staleAge }) : t('routers.tabStale')} onRetry={overview.reload} />}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card radius="md" padding="lg">
          <Text size="sm" c="dimmed" fw={600}>{t('routers.overview.cpu')}</Text>
          <Group gap="md" mt={4} wrap="nowrap">
            <RingProgress
              size={96}
              thickness={10}
              roundCaps
              sections={[{ value: Math.min(100, o.cpuLoadPercent), color: cpuColor }]}
              label={<Text ta="center" fw={700} size="lg">{o.cpuLoadPercent} %</Text>}
              aria-label={t('routers.overview.cpuLabel', { percent: o.cpuLoadPercent })}
            />
            <Stack gap={2}>
              <Text size="sm">{t('routers.overview.cores', { count: o.cpuCount })}</Text>
              {o.architecture && <Text size="xs" c="dimmed">{o.architecture}</Text>}
            </Stack>
          </Group>
        </Card>
        <UsageCard
          title={t('routers.overview.memory')}
          used={o.totalMemoryBytes - o.freeMemoryBytes}
          total={o.totalMemoryBytes}
          label={t('routers.overview.memoryLabel')}
        />
        <UsageCard
          title={t('routers.overview.disk')}
          used={o.totalDiskBytes - o.freeDiskBytes}
          total={o.totalDiskBytes}
          label={t('routers.overview.diskLabel')}
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card radius="md" padding="lg">
          <Title order={4} mb="sm">{t('routers.overview.system')}</Title>
          <DataList size="sm" labelWidth={200} gap={8}>
            <Fact label={t('routers.overview.identity')}>{o.identity}</Fact>
            <Fact label={t('routers.overview.model')}>{o.model ?? o.boardName}</Fact>
            <Fact label={t('routers.overview.board')}>{o.boardName}</Fact>
            <Fact label={t('routers.overview.serial')}>{o.serialNumber}</Fact>
            <Fact label={t('routers.overview.version')}>{o.routerOsVersion}</Fact>
            <Fact label={t('routers.overview.architecture')}>{o.architecture}</Fact>
            <Fact label={t('routers.overview.uptime')}>{formatDuration(o.uptimeSeconds * 1000)}</Fact>
            <Fact label={t('routers.overview.address')}>{o.primaryAddress}</Fact>
          </DataList>
        </Card>
        <Stack gap="md">
          <Card radius="md" padding="lg">
            <Title order={4} mb="sm">{t('routers.overview.clock')}</Title>
            <DataList size="sm" labelWidth={200} gap={8}>
              <Fact label={t('routers.overview.routerTime')}>
                {o.routerTime ? tf.dateTime(o.routerTime) : null}
                {o.routerTime && tf.zoneDiffers(o.routerUtcOffsetMinutes, o.routerTime) && (
                  <Text span size="xs" c="dimmed"> {t('routers.overview.routerZone', { zone: tf.zoneDiffers(o.routerUtcOffsetMinutes, o.routerTime) })}</Text>
                )}
              </Fact>
              <Fact label={t('routers.overview.skew')}>
                {skew === null ? null : <Text size="sm" c={skewWarn ? 'orange' : undefined} fw={skewWarn ? 600 : undefined}>{formatSkew(skew)}</Text>}
              </Fact>
            </DataList>
            {skewWarn && (
              <Alert color="orange" variant="light" mt="sm" icon={<IconClockExclamation size={18} />}>{t('routers.clockSkewWarning')}</Alert>
            )}
          </Card>
          <Card radius="md" padding="lg">
            <Title order={4} mb="sm">{t('routers.overview.health')}</Title>
            {o.health.length === 0 ? (
              <Text size="sm" c="dimmed">{t('routers.overview.noHealth')}</Text>
            ) : (
              <Table aria-label={t('routers.overview.health')} verticalSpacing={6}>
                <Table.Tbody>
                  {o.health.map((h) => (
                    <Table.Tr key={h.name}>
                      <Table.Td><Text size="sm">{h.name}</Text></Table.Td>
                      <Table.Td ta="right"><Text size="sm" fw={600}>{h.value}{h.unit ? ` ${h.unit === 'C' ? '°C' : h.unit}` : ''}</Text></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </Stack>
      </SimpleGrid>
      {readAt && <Text size="xs" c="dimmed" ta="right">{t('routers.overview.readAt', { time: tf.time(readAt) })}</Text>}
    </Stack>
  );
}
