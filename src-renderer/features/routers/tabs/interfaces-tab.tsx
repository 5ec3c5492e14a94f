import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Alert, Badge, Button, Card, Group, Loader, MultiSelect, Paper, Skeleton, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlayerPlay, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRpc } from '../../../app/use-rpc';
import { ErrorAlert } from '../../../components/error-alert';
import type { RouterTabProps } from '../dashboard/tabs';
import { usePolling, useStickyError } from '../hooks';
import { formatAxisRate, formatBitRate, formatByteSize } from '../units';
import { defaultInterface, isSessionInterface, type InterfaceRow } from './interface-pick';
import { useTrafficStream, type TrafficRate } from './use-traffic-stream';

const MAX_CHARTED = 4;
const REFRESH_MS = 10_000;
const COLORS: [string, string][] = [['blue.6', 'teal.6'], ['grape.6', 'pink.6'], ['orange.6', 'yellow.7'], ['cyan.7', 'lime.7']];

function StatusBadges({ row }: { row: InterfaceRow }) {
  const { t } = useTranslation();
  if (row.disabled) return <Badge color="gray" variant="outline" size="sm">{t('routers.interfaces.disabled')}</Badge>;
  return row.running
    ? <Badge color="green" variant="light" size="sm">{t('routers.interfaces.running')}</Badge>
    : <Badge color="orange" variant="light" size="sm">{t('routers.interfaces.notRunning')}</Badge>;
}

function RateLine({ label, name, value, icon }: { label: string; name: string; value: string; icon: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Group gap={4} wrap="nowrap">
        {icon}
        <Text size="xs" c="dimmed">{label}</Text>
      </Group>
      {/* role=status with its own name: tests and screen readers read the current rate; aria-live off (it changes every second). */}
      <Text size="md" fw={700} role="status" aria-live="off" aria-label={name} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Group>
  );
}

function LiveRates({ name, rate, colors }: { name: string; rate: TrafficRate | undefined; colors: [string, string] }) {
  const { t } = useTranslation();
  const color = (c: string) => `var(--mantine-color-${c.replace('.', '-')})`;
  return (
    <Paper p="sm" radius="md">
      <Text size="sm" fw={600} truncate mb={4}>{name}</Text>
      <RateLine label={t('routers.interfaces.rx')} name={t('routers.interfaces.rxNow', { name })} value={rate ? formatBitRate(rate.rx) : '—'} icon={<IconArrowDown size={14} color={color(colors[0])} />} />
      <RateLine label={t('routers.interfaces.tx')} name={t('routers.interfaces.txNow', { name })} value={rate ? formatBitRate(rate.tx) : '—'} icon={<IconArrowUp size={14} color={color(colors[1])} />} />
    </Paper>
  );
}

/** Interfaces with their rates and counters, and a live rx/tx chart of up to four of them. */
export function InterfacesTab({ router }: RouterTabProps) {
  const { t } = useTranslation();
  const list = useRpc('routers.dashboard.interfaces', { routerId: router.id });
  usePolling(list.reload, REFRESH_MS);
  const error = useStickyError(list);
  const [selected, setSelected] = useState<string[] | null>(null);
  const [search, setSearch] = useState('');
  const [withSessions, setWithSessions] = useState(false);
  const items = list.data?.items;

  // Chart something useful straight away, once the interfaces are known.
  useEffect(() => {
    if (items && selected === null) {
      const first = defaultInterface(items);
      setSelected(first ? [first] : []);
    }
  }, [items, selected]);

  const charted = useMemo(() => selected ?? [], [selected]);
  const stream = useTrafficStream(router.id, charted);

  const series = useMemo(() => charted.flatMap((name, i) => {
    const [rx, tx] = COLORS[i % COLORS.length]!;
    return [
      { name: `rx${i}`, label: t('routers.interfaces.seriesRx', { name }), color: rx },
      { name: `tx${i}`, label: t('routers.interfaces.seriesTx', { name }), color: tx, strokeDasharray: '6 4' },
    ];
  }), [charted, t]);

  if (!items) {
    return error ? <ErrorAlert error={error} title={t('routers.tabError')} onRetry={list.reload} /> : <Skeleton height={320} radius="md" />;
  }

  const choices = items.filter((i) => !i.disabled).map((i) => ({ value: i.name, label: i.name }));
  const sessionCount = items.filter(isSessionInterface).length;
  const needle = search.trim().toLowerCase();
  const shown = items.filter((i) => (withSessions || !isSessionInterface(i))
    && (!needle || `${i.name} ${i.comment} ${i.type}`.toLowerCase().includes(needle)));
  const st = stream.status;

  return (
    <Stack gap="md">
      {error && <ErrorAlert error={error} title={t('routers.tabStale')} onRetry={list.reload} />}
      <Card radius="md" padding="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm" mb="md">
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={4}>{t('routers.interfaces.liveTitle')}</Title>
              {st.state === 'live' && <Badge color="red" variant="dot" size="sm">{t('routers.interfaces.live')}</Badge>}
              {st.state === 'starting' && <Loader size="xs" />}
            </Group>
            <Text size="xs" c="dimmed">{t('routers.interfaces.liveHint', { count: MAX_CHARTED })}</Text>
          </Stack>
          <MultiSelect
            label={t('routers.interfaces.chartPick')}
            data={choices}
            value={charted}
            onChange={setSelected}
            maxValues={MAX_CHARTED}
            searchable
            w={{ base: '100%', sm: 420 }}
          />
        </Group>
        {st.state === 'failed' && (
          <ErrorAlert error={st.error} title={t('routers.interfaces.streamFailed')} onRetry={stream.restart} />
        )}
        {st.state === 'ended' && (
          <Alert color="orange" variant="light" title={t('routers.interfaces.streamEnded')} mb="sm">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{st.error ?? t('routers.interfaces.streamEndedBody')}</Text>
              <Button size="xs" variant="white" color="orange" leftSection={<IconPlayerPlay size={14} />} onClick={stream.restart}>
                {t('routers.interfaces.restart')}
              </Button>
            </Group>
          </Alert>
        )}
        {charted.length === 0 ? (
          <Text size="sm" c="dimmed" py="xl" ta="center">{t('routers.interfaces.pickOne')}</Text>
        ) : (
          <Group align="stretch" gap="md" wrap="wrap">
            <Stack gap="xs" w={{ base: '100%', md: 250 }}>
              {charted.map((name, i) => (
                <LiveRates key={name} name={name} rate={stream.rates[name]} colors={COLORS[i % COLORS.length]!} />
              ))}
            </Stack>
            <div style={{ flex: 1, minWidth: 320 }} aria-label={t('routers.interfaces.chartLabel')} role="img" data-points={stream.points.length}>
              <LineChart
                h={280}
                data={stream.points}
                dataKey="time"
                series={series}
                curveType="monotone"
                withDots={false}
                withLegend
                legendProps={{ verticalAlign: 'bottom' }}
                valueFormatter={formatBitRate}
                yAxisProps={{ width: 64, tickFormatter: formatAxisRate }}
                lineProps={{ isAnimationActive: false }}
                tooltipAnimationDuration={0}
                gridAxis="xy"
              />
            </div>
          </Group>
        )}
      </Card>

      <Card radius="md" padding={0}>
        <Group p="md" gap="sm" justify="space-between" wrap="wrap">
          <Group gap="sm">
            <Title order={4}>{t('routers.interfaces.title')}</Title>
            <TextInput
              aria-label={t('routers.interfaces.search')}
              placeholder={t('routers.interfaces.search')}
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={260}
            />
          </Group>
          {sessionCount > 0 && (
            <Switch
              label={t('routers.interfaces.showSessions', { count: sessionCount })}
              checked={withSessions}
              onChange={(e) => setWithSessions(e.currentTarget.checked)}
            />
          )}
        </Group>
        <Table.ScrollContainer minWidth={860} maxHeight={560}>
          <Table aria-label={t('routers.interfaces.title')} verticalSpacing="xs" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('routers.interfaces.col.name')}</Table.Th>
                <Table.Th>{t('routers.interfaces.col.type')}</Table.Th>
                <Table.Th>{t('routers.interfaces.col.status')}</Table.Th>
                <Table.Th>{t('routers.interfaces.col.mac')}</Table.Th>
                <Table.Th ta="right">{t('routers.interfaces.col.rxRate')}</Table.Th>
                <Table.Th ta="right">{t('routers.interfaces.col.txRate')}</Table.Th>
                <Table.Th ta="right">{t('routers.interfaces.col.rxTotal')}</Table.Th>
                <Table.Th ta="right">{t('routers.interfaces.col.txTotal')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Text c="dimmed" ta="center" py="lg">{t(items.length === 0 ? 'routers.interfaces.none' : 'routers.interfaces.noMatch')}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {shown.map((row) => {
                const live = stream.rates[row.name];
                return (
                  <Table.Tr key={row.id || row.name}>
                    <Table.Td>
                      <Text size="sm" fw={600}>{row.name}</Text>
                      {row.comment && <Text size="xs" c="dimmed">{row.comment}</Text>}
                    </Table.Td>
                    <Table.Td><Text size="sm">{row.type}</Text></Table.Td>
                    <Table.Td><StatusBadges row={row} /></Table.Td>
                    <Table.Td><Text size="sm" ff="monospace">{row.macAddress ?? '—'}</Text></Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}><Text size="sm">{formatBitRate(live?.rx ?? row.rxBitsPerSecond)}</Text></Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}><Text size="sm">{formatBitRate(live?.tx ?? row.txBitsPerSecond)}</Text></Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}><Text size="sm">{formatByteSize(row.rxBytes)}</Text></Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}><Text size="sm">{formatByteSize(row.txBytes)}</Text></Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
