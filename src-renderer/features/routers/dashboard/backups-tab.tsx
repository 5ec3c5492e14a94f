import { ActionIcon, Alert, Badge, Button, Group, Menu, Paper, Progress, Select, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsDiff, IconCloudDownload, IconDotsVertical, IconEye, IconFileOff } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { backupMeta } from '@shared/contract/routers';
import { formatBytes } from '../../../app/format';
import { useCall } from '../../../app/scope-context';
import { toApiError, useRpc } from '../../../app/use-rpc';
import { EmptyNotice } from '../../../components/empty-notice';
import { ErrorAlert } from '../../../components/error-alert';
import { BackupViewerModal } from './backup-viewer-modal';
import { DiffCounts, DiffView } from './backup-diff-view';
import { defaultComparePair, hasChanges } from './diff-rows';
import { FULL_BADGE, SimpleTable, TabHeader, useRouterAccess, type SimpleColumn } from './tab-kit';
import type { RouterTabProps } from './tabs';
import { useTimeFormat } from '../../../app/time-format';

type Backup = z.infer<typeof backupMeta>;
type Pair = { from: string; to: string };

/** A router's first version has nothing to have changed from, so it is labelled "first", not "changed". */
function stateKey(b: Backup): string {
  return b.first ? 'routerTabs.backups.first' : b.changed ? 'routerTabs.backups.changed' : 'routerTabs.backups.unchanged';
}

/**
 * Configuration versions of the router (/export, sensitive values hidden): fetch one now, read one,
 * or compare two as a unified diff. An unchanged fetch is listed too, so the history shows it was checked.
 */
export function BackupsTab({ router }: RouterTabProps) {
  const { t } = useTranslation();
  const callIn = useCall();
  const { canOperate } = useRouterAccess();
  const tf = useTimeFormat();
  // Versions are few (one a night at most, plus manual fetches): the newest 500 are listed whole.
  const all = useRpc('routers.backups.list', { routerId: router.id, page: 1, pageSize: 500, sort: { field: 'fetchedAt', dir: 'desc' } });
  const [fetching, setFetching] = useState(false);
  const [fetchError, setFetchError] = useState<{ message: string } | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [picked, setPicked] = useState<Partial<Pair>>({});
  const [shown, setShown] = useState<Pair | null>(null);
  const diff = useRpc('routers.backups.diff', { fromBackupId: shown?.from ?? '', toBackupId: shown?.to ?? '', context: 3 }, { enabled: shown !== null });

  const versions = useMemo(() => all.data?.items ?? [], [all.data]);
  const numberOf = useMemo(() => {
    const total = all.data?.total ?? versions.length;
    return new Map(versions.map((v, i) => [v.id, total - i]));
  }, [versions, all.data]);
  const defaults = defaultComparePair(versions);
  const from = picked.from ?? defaults?.from ?? null;
  const to = picked.to ?? defaults?.to ?? null;

  const label = (b: Backup) => t('routerTabs.backups.versionLabel', {
    n: numberOf.get(b.id) ?? '?', when: tf.dateTime(b.fetchedAt), state: t(stateKey(b)),
  });
  const options = versions.map((b) => ({ value: b.id, label: label(b) }));

  const fetchNow = async () => {
    setFetching(true);
    setFetchError(null);
    try {
      const b = await callIn('routers.backups.fetch', { routerId: router.id });
      notifications.show(b.first
        ? { color: 'green', title: t('routerTabs.backups.firstTitle'), message: t('routerTabs.backups.firstBody', { count: b.lineCount }) }
        : b.changed
          ? { color: 'green', title: t('routerTabs.backups.savedTitle'), message: t('routerTabs.backups.savedBody', { count: b.lineCount }) }
          : { color: 'blue', title: t('routerTabs.backups.sameTitle'), message: t('routerTabs.backups.sameBody') });
      all.reload();
    } catch (e) {
      const err = toApiError(e);
      // Backup failures carry a reason the router tab can word (e.g. a config too large for this RouterOS).
      const known = err.reason ? t(`routerTabs.backups.errors.${err.reason}`, { defaultValue: '' }) : '';
      setFetchError(known ? { message: known } : err);
    } finally {
      setFetching(false);
    }
  };

  const compare = (pair: Pair) => {
    setPicked(pair);
    setShown(pair);
  };

  const columns = useMemo(() => {
    const cols: SimpleColumn<Backup>[] = [
      { id: 'n', header: '#', align: 'right', width: 48, cell: (b) => <Text size="sm" c="dimmed">{numberOf.get(b.id) ?? ''}</Text> },
      { id: 'fetchedAt', header: t('routerTabs.backups.col.fetchedAt'), nowrap: true, cell: (b) => <Text size="sm" fw={500}>{tf.dateTime(b.fetchedAt)}</Text> },
      {
        id: 'trigger',
        header: t('routerTabs.backups.col.trigger'),
        nowrap: true,
        cell: (b) => <Badge styles={FULL_BADGE} size="sm" variant="outline" color={b.trigger === 'nightly' ? 'indigo' : 'gray'}>{t(b.trigger === 'nightly' ? 'routerTabs.backups.nightly' : 'routerTabs.backups.manual')}</Badge>,
      },
      { id: 'size', header: t('routerTabs.backups.col.size'), align: 'right', nowrap: true, cell: (b) => <Text size="sm">{formatBytes(b.sizeBytes)}</Text> },
      { id: 'lines', header: t('routerTabs.backups.col.lines'), align: 'right', nowrap: true, cell: (b) => <Text size="sm">{b.lineCount.toLocaleString('en')}</Text> },
      { id: 'version', header: t('routerTabs.backups.col.routerOs'), nowrap: true, cell: (b) => <Text size="sm">{b.routerOsVersion ?? '—'}</Text> },
      {
        id: 'changed',
        header: t('routerTabs.backups.col.changed'),
        nowrap: true,
        cell: (b) => <Badge styles={FULL_BADGE} size="sm" variant="light" color={b.first ? 'blue' : b.changed ? 'orange' : 'gray'}>{t(stateKey(b))}</Badge>,
      },
      {
        id: 'actions',
        header: <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
        align: 'right',
        width: 150,
        cell: (b) => {
          const index = versions.findIndex((v) => v.id === b.id);
          const previous = index >= 0 ? versions[index + 1] : undefined;
          return (
            <Group gap={4} justify="flex-end" wrap="nowrap" preventGrowOverflow={false}>
              <Button size="compact-sm" variant="light" leftSection={<IconEye size={14} />} onClick={() => setViewing(b.id)} aria-label={t('routerTabs.backups.viewFor', { n: numberOf.get(b.id) ?? '' })}>
                {t('routerTabs.backups.view')}
              </Button>
              <Menu position="bottom-end" width={240}>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={t('routerTabs.backups.moreFor', { n: numberOf.get(b.id) ?? '' })}>
                    <IconDotsVertical size={18} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconArrowsDiff size={16} />} disabled={!previous} onClick={() => previous && compare({ from: previous.id, to: b.id })}>
                    {t('routerTabs.backups.compareWithPrevious')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          );
        },
      },
    ];
    return cols;
  }, [t, tf, numberOf, versions]);

  const fetchButton = canOperate && (
    <Button leftSection={<IconCloudDownload size={16} />} onClick={() => void fetchNow()} loading={fetching}>{t('routerTabs.backups.fetchNow')}</Button>
  );

  return (
    <Stack gap="md">
      <TabHeader description={t('routerTabs.backups.intro')} actions={fetchButton} />
      {fetching && (
        <Paper radius="md" p="md" role="status">
          <Text size="sm" mb="xs">{t('routerTabs.backups.fetching', { router: router.name })}</Text>
          <Progress value={100} animated striped />
        </Paper>
      )}
      <ErrorAlert error={fetchError} title={t('routerTabs.backups.fetchFailed')} onRetry={() => void fetchNow()} />
      <SimpleTable
        label={t('routerTabs.backups.table')}
        columns={columns}
        rows={all.data?.items}
        getRowId={(b) => b.id}
        loading={all.loading}
        error={all.error}
        onRetry={all.reload}
        maxHeight={420}
        minWidth={820}
        empty={
          <EmptyNotice
            icon={<IconFileOff size={26} />}
            title={t('routerTabs.backups.emptyTitle')}
            description={t('routerTabs.backups.emptyBody')}
            action={fetchButton || undefined}
          />
        }
      />
      {versions.length > 0 && (
        <Paper radius="md" p="md">
          <Stack gap="md">
            <Group justify="space-between" align="flex-end" wrap="wrap">
              <Stack gap={2}>
                <Title order={4}>{t('routerTabs.backups.compareTitle')}</Title>
                <Text size="sm" c="dimmed">{t('routerTabs.backups.compareIntro')}</Text>
              </Stack>
            </Group>
            {versions.length < 2 ? (
              <Text size="sm" c="dimmed">{t('routerTabs.backups.compareNeedsTwo')}</Text>
            ) : (
              <Group align="flex-end" gap="sm" wrap="wrap">
                <Select label={t('routerTabs.backups.compareFrom')} data={options} value={from} onChange={(v) => v && setPicked((p) => ({ ...p, from: v }))} allowDeselect={false} searchable w={{ base: '100%', sm: 340 }} />
                <Select label={t('routerTabs.backups.compareTo')} data={options} value={to} onChange={(v) => v && setPicked((p) => ({ ...p, to: v }))} allowDeselect={false} searchable w={{ base: '100%', sm: 340 }} />
                <Button variant="light" leftSection={<IconArrowsDiff size={16} />} disabled={!from || !to || from === to} onClick={() => from && to && compare({ from, to })}>
                  {t('routerTabs.backups.compare')}
                </Button>
              </Group>
            )}
            {from && to && from === to && <Text size="xs" c="dimmed">{t('routerTabs.backups.pickTwo')}</Text>}
            {shown && (
              <Stack gap="sm" data-testid="backup-diff">
                <ErrorAlert error={diff.error} onRetry={diff.reload} />
                {diff.loading && !diff.data && <Progress value={100} animated striped size="sm" />}
                {diff.data && (
                  <>
                    <Group justify="space-between" wrap="wrap">
                      <Text size="sm" fw={500}>
                        {t('routerTabs.backups.comparing', { from: numberOf.get(shown.from) ?? '?', to: numberOf.get(shown.to) ?? '?' })}
                      </Text>
                      <DiffCounts added={diff.data.added} removed={diff.data.removed} />
                    </Group>
                    {hasChanges(diff.data.lines)
                      ? <DiffView lines={diff.data.lines} />
                      : <Alert variant="light" color="gray">{t('routerTabs.backups.identical')}</Alert>}
                  </>
                )}
              </Stack>
            )}
          </Stack>
        </Paper>
      )}
      {viewing && <BackupViewerModal router={router} backupId={viewing} onClose={() => setViewing(null)} />}
    </Stack>
  );
}
