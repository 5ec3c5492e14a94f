import { ActionIcon, Anchor, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertOctagon, IconAlertTriangle, IconBell, IconChecks, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertItem } from '@shared/contract/ops';
import { href } from '../../app/router';
import { paths } from '../../app/paths';
import { useCall, usePrincipal, useScope } from '../../app/scope-context';
import { useEvent } from '../../app/use-event';
import { toApiError, useRpc } from '../../app/use-rpc';
import { ErrorAlert } from '../../components/error-alert';
import { alertText } from './alert-text';
import { useNow } from './hooks';
import { useTimeFormat } from '../../app/time-format';

const LATEST = 8;

const SEVERITY = {
  critical: { color: 'red', Icon: IconAlertOctagon },
  warning: { color: 'yellow', Icon: IconAlertTriangle },
  info: { color: 'blue', Icon: IconInfoCircle },
} as const;

/** The alerts bell in the header, for staff who may see routers (router down/up, degraded…). */
export function AlertsBell() {
  const principal = usePrincipal();
  if (principal.kind !== 'staff' || !principal.permissions.includes('routers.read')) return null;
  return <Bell />;
}

function Bell() {
  const { t } = useTranslation();
  const scope = useScope();
  const callIn = useCall();
  const principal = usePrincipal();
  const now = useNow();
  const [opened, setOpened] = useState(false);
  const [marking, setMarking] = useState(false);
  const list = useRpc('alerts.list', { page: 1, pageSize: LATEST });
  const unread = list.data?.unread ?? 0;

  useEvent('alerts.created', (a) => {
    list.reload();
    const { color } = SEVERITY[a.severity];
    const { title, body } = alertText(a);
    notifications.show({ color, title, message: body, autoClose: a.severity === 'critical' ? 12_000 : 6_000 });
  });

  const markAll = async () => {
    setMarking(true);
    try {
      await callIn('alerts.mark-read', { all: true });
      list.reload();
    } catch (e) {
      notifications.show({ color: 'red', title: t('errors.title'), message: toApiError(e).message });
    } finally {
      setMarking(false);
    }
  };

  const toggle = () => {
    if (!opened) list.reload();
    setOpened(!opened);
  };

  const label = unread > 0 ? t('routers.alerts.labelUnread', { count: unread }) : t('routers.alerts.label');

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={400}
      shadow="md"
    >
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red" disabled={unread === 0} offset={4} inline>
          <Tooltip label={label} disabled={opened}>
            <ActionIcon variant="default" size="lg" aria-label={label} onClick={toggle}>
              <IconBell size={18} />
            </ActionIcon>
          </Tooltip>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="md" py="sm">
          <Text fw={600}>{t('routers.alerts.title')}</Text>
          {/* Read state is shared by the team: only operators clear it (alerts.mark-read needs routers.operate). */}
          {principal.kind === 'staff' && principal.permissions.includes('routers.operate') && (
            <Button size="compact-sm" variant="subtle" leftSection={<IconChecks size={14} />} onClick={() => void markAll()} loading={marking} disabled={unread === 0}>
              {t('routers.alerts.markAllRead')}
            </Button>
          )}
        </Group>
        <Divider />
        {list.error && !list.data ? (
          <Stack p="md"><ErrorAlert error={list.error} onRetry={list.reload} /></Stack>
        ) : (list.data?.items.length ?? 0) === 0 ? (
          <Text size="sm" c="dimmed" p="md" ta="center">{t('routers.alerts.empty')}</Text>
        ) : (
          <ScrollArea.Autosize mah={420}>
            <Stack gap={0} role="list" aria-label={t('routers.alerts.title')}>
              {list.data?.items.map((a) => (
                <AlertRow key={a.id} alert={a} now={now} routerHref={scope && a.routerId ? href(paths.router(scope, a.routerId)) : null} onOpen={() => setOpened(false)} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

function AlertRow({ alert: a, now, routerHref, onOpen }: { alert: AlertItem; now: number; routerHref: string | null; onOpen: () => void }) {
  const tf = useTimeFormat();
  const { t } = useTranslation();
  const { color, Icon } = SEVERITY[a.severity];
  const unread = a.readAt === null;
  const { title, body } = alertText(a);
  return (
    <Group
      role="listitem"
      wrap="nowrap"
      align="flex-start"
      gap="sm"
      px="md"
      py="sm"
      bg={unread ? 'var(--mantine-color-default-hover)' : undefined}
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <ThemeIcon color={color} variant="light" size={30} radius="xl">
        <Icon size={16} />
      </ThemeIcon>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={unread ? 700 : 500}>{title}</Text>
        {body && <Text size="xs" c="dimmed" lineClamp={3}>{body}</Text>}
        <Group gap="sm">
          <Tooltip label={tf.dateTime(a.at)}>
            <Text size="xs" c="dimmed">{tf.relative(a.at, now)}</Text>
          </Tooltip>
          {routerHref && <Anchor href={routerHref} size="xs" onClick={onOpen}>{t('routers.alerts.openRouter')}</Anchor>}
        </Group>
      </Stack>
    </Group>
  );
}
