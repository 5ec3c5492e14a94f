import { Card, Group, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconRouter, IconUsers, IconWifi } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { formatDuration } from '@shared/domain/time';
import { href } from '../../app/router';
import { paths } from '../../app/paths';
import { useTimeFormat } from '../../app/time-format';
import { Figure } from './home-figure';
import { routerCounts } from './home-state';
import { CoreWanFigure } from './home-wan';

type Summary = OutputOf<'routers.home'>;

/** Routers up/down (with the longest outage), users online now, alerts in the last 24 h. */
export function HomeFigures({ scope, summary, now }: { scope: string; summary: Summary; now: number }) {
  const { t } = useTranslation();
  const routers = summary.routers;
  const { up, down, longest } = routerCounts(routers, now);
  // Live users are on the core router when there is one (it terminates PPPoE and the hotspot).
  const core = routers.find((r) => r.isCore) ?? routers[0];
  const routerTab = (tab: string) => (core ? paths.router(scope, core.id, tab) : paths.area(scope, 'routers'));
  const count = (n: number | null) => (n === null ? '—' : n.toLocaleString('en'));
  const outage = longest
    ? t('home.figures.longestOutage', { name: longest.name, duration: formatDuration(longest.ms) })
    : down === 0 && routers.length > 0 ? t('home.figures.allUp') : undefined;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, sm: 3, lg: 5 }} spacing="sm">
      <Figure icon={IconRouter} color={down ? 'red' : 'green'} label={t('home.figures.routersUp')}
        value={t('home.figures.upOf', { up, total: routers.length })} detail={outage} to={paths.area(scope, 'routers')} />
      <Figure icon={IconUsers} color="blue" label={t('home.figures.ppp')} value={count(summary.pppOnline)}
        detail={summary.pppOnline === null ? t('home.figures.noAnswer') : undefined} to={routerTab('ppp')} />
      <Figure icon={IconWifi} color="cyan" label={t('home.figures.hotspot')} value={count(summary.hotspotOnline)}
        detail={summary.hotspotOnline === null ? t('home.figures.noAnswer') : undefined} to={routerTab('hotspot')} />
      <Figure icon={IconAlertTriangle} color={summary.alertsLast24h ? 'orange' : 'gray'} label={t('home.figures.alerts')}
        value={count(summary.alertsLast24h)} to={paths.area(scope, 'routers')} />
      {core && core.status !== 'offline' && <CoreWanFigure scope={scope} routerId={core.id} />}
    </SimpleGrid>
  );
}

/** Last configuration backup of each router, oldest first is what needs attention. */
export function HomeBackups({ scope, summary, now }: { scope: string; summary: Summary; now: number }) {
  const { t } = useTranslation();
  const tf = useTimeFormat();
  if (summary.routers.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="md">
      <Text fw={600} mb="xs">{t('home.backups.title')}</Text>
      <Stack gap={4}>
        {summary.routers.map((r) => (
          <UnstyledButton key={r.id} component="a" href={href(paths.router(scope, r.id, 'backups'))}>
            <Group justify="space-between" wrap="nowrap" gap="md">
              <Text size="sm" fw={500} truncate>{r.name}</Text>
              <Text size="sm" c={r.lastBackupAt ? 'dimmed' : 'orange'} title={r.lastBackupAt ? tf.dateTime(r.lastBackupAt) : undefined} style={{ whiteSpace: 'nowrap' }}>
                {r.lastBackupAt ? tf.relative(r.lastBackupAt, now) : t('home.backups.none')}
              </Text>
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </Card>
  );
}
