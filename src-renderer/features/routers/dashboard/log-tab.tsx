import { Alert, Autocomplete, Badge, Group, Loader, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileText, IconPlayerPause, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../../app/scope-context';
import { openLiveStream } from '../../../app/live-stream';
import { useScopeToken } from '../../../app/use-event';
import { toApiError, useRpc } from '../../../app/use-rpc';
import { EmptyNotice } from '../../../components/empty-notice';
import { ErrorAlert } from '../../../components/error-alert';
import { mergeLogLines, prependLines, topicColor, type LogLine } from './log-lines';
import { FULL_BADGE, SimpleTable, TabHeader, type SimpleColumn } from './tab-kit';
import type { RouterTabProps } from './tabs';
import { useTimeFormat } from '../../../app/time-format';

const LIMITS = ['50', '100', '200', '500', '1000'];
const COMMON_TOPICS = ['system', 'info', 'warning', 'error', 'critical', 'account', 'hotspot', 'ppp', 'pppoe', 'dhcp', 'firewall', 'interface', 'netwatch', 'script'];

type StreamState = { status: 'off' } | { status: 'starting' } | { status: 'live' } | { status: 'failed'; message: string };

/**
 * The router log: the newest entries (filtered by text and topics) and, when "Follow live" is on, new
 * lines as the router writes them. Pausing, leaving the tab or changing the topics stops the live stream.
 */
export function LogTab({ router }: RouterTabProps) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  const callIn = useCall();
  const [text, setText] = useState('');
  const [topics, setTopics] = useState('');
  const [limit, setLimit] = useState('200');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [topicFilter] = useDebouncedValue(topics.trim(), 300);
  const recent = useRpc('routers.log.recent', {
    routerId: router.id, limit: Number(limit), ...(q ? { q } : {}), ...(topicFilter ? { topics: topicFilter } : {}),
  });

  const [following, setFollowing] = useState(false);
  const [stream, setStream] = useState<StreamState>({ status: 'off' });
  const [live, setLive] = useState<LogLine[]>([]);
  const token = useScopeToken();

  useEffect(() => {
    if (!following || !token) return;
    setLive([]);
    setStream({ status: 'starting' });
    return openLiveStream({
      token,
      stream: 'routers.live-log',
      start: () => callIn('routers.stream.start', { kind: 'log', routerId: router.id, topics: topicFilter }),
      stop: (streamId) => callIn('routers.stream.stop', { streamId }),
      onStarted: () => setStream({ status: 'live' }),
      onFailed: (e) => {
        setStream({ status: 'failed', message: toApiError(e).message });
        setFollowing(false);
      },
      onChunk: (c) => setLive((cur) => prependLines(cur, c.lines)),
      onEnd: () => {
        setFollowing(false);
        setStream({ status: 'off' });
      },
      onError: (e) => {
        setFollowing(false);
        setStream({ status: 'failed', message: t('routerTabs.log.streamEnded', { error: e.message }) });
      },
    });
  }, [following, token, topicFilter, router.id, callIn, t]);

  const toggle = (on: boolean) => {
    if (!on) setStream({ status: 'off' });
    setFollowing(on);
  };

  const lines = useMemo(() => mergeLogLines(live, recent.data?.items ?? [], q), [live, recent.data, q]);
  const liveIds = useMemo(() => new Set(live.map((l) => l.id)), [live]);

  const columns = useMemo<SimpleColumn<LogLine>[]>(() => [
    { id: 'time', header: t('routerTabs.log.col.time'), nowrap: true, width: 150, cell: (l) => <Text size="sm" c="dimmed" title={l.time}>{tf.routerClock(l.time)}</Text> },
    {
      id: 'topics',
      header: t('routerTabs.log.col.topics'),
      width: 250,
      cell: (l) => (
        <Group gap={4} wrap="nowrap" preventGrowOverflow={false}>
          {l.topics.split(',').filter(Boolean).map((topic) => (
            <Badge styles={FULL_BADGE} key={topic} size="xs" variant="light" color={topicColor(topic)} tt="none">{topic}</Badge>
          ))}
        </Group>
      ),
    },
    { id: 'message', header: t('routerTabs.log.col.message'), cell: (l) => <Text size="sm" ff="monospace" style={{ wordBreak: 'break-word' }}>{l.message}</Text> },
  ], [t, tf]);

  const narrowed = q !== '' || topicFilter !== '';

  return (
    <Stack gap="md">
      <TabHeader
        description={t('routerTabs.log.intro')}
        actions={
          <Group gap="sm">
            {stream.status === 'starting' && <Loader size="xs" />}
            {stream.status === 'live' && <Badge styles={FULL_BADGE} color="green" variant="dot" size="lg">{t('routerTabs.log.following')}</Badge>}
            {stream.status === 'off' && live.length > 0 && <Badge styles={FULL_BADGE} color="gray" variant="dot" size="lg" leftSection={<IconPlayerPause size={12} />}>{t('routerTabs.log.paused')}</Badge>}
            <Switch
              label={t('routerTabs.log.follow')}
              checked={following}
              onChange={(e) => toggle(e.currentTarget.checked)}
              size="md"
            />
          </Group>
        }
      />
      {stream.status === 'failed' && <ErrorAlert error={{ message: stream.message }} title={t('routerTabs.log.streamFailed')} onRetry={() => toggle(true)} />}
      {following && topicFilter && <Alert variant="light" color="blue" py="xs"><Text size="sm">{t('routerTabs.log.followTopics', { topics: topicFilter })}</Text></Alert>}
      <SimpleTable
        label={t('routerTabs.log.table')}
        columns={columns}
        rows={recent.data || live.length > 0 ? lines : undefined}
        getRowId={(l) => l.id}
        loading={recent.loading}
        error={recent.error}
        onRetry={recent.reload}
        maxHeight="calc(100vh - 320px)"
        verticalSpacing={4}
        minWidth={720}
        rowAttributes={(l) => ({ 'data-live': liveIds.has(l.id) ? 'true' : undefined })}
        rowStyle={(l) => (liveIds.has(l.id) ? { boxShadow: 'inset 3px 0 0 var(--mantine-color-green-6)' } : undefined)}
        toolbar={
          <>
            <TextInput
              aria-label={t('routerTabs.log.textFilter')}
              placeholder={t('routerTabs.log.textFilter')}
              leftSection={<IconSearch size={16} />}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              w={{ base: '100%', sm: 280 }}
            />
            <Autocomplete
              aria-label={t('routerTabs.log.topicsFilter')}
              placeholder={t('routerTabs.log.topicsPlaceholder')}
              data={COMMON_TOPICS}
              value={topics}
              onChange={setTopics}
              clearable
              w={200}
            />
            <Group gap="xs">
              <Text size="sm" c="dimmed">{t('routerTabs.log.limit')}</Text>
              <Select aria-label={t('routerTabs.log.limit')} data={LIMITS} value={limit} onChange={(v) => v && setLimit(v)} allowDeselect={false} w={90} />
            </Group>
          </>
        }
        empty={
          <EmptyNotice
            icon={<IconFileText size={26} />}
            title={narrowed ? t('routerTabs.log.noMatches') : t('routerTabs.log.empty')}
            description={following ? t('routerTabs.log.waiting') : undefined}
          />
        }
      />
    </Stack>
  );
}
