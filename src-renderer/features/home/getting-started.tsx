import { ActionIcon, Anchor, Card, Group, List, Progress, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconCircleCheckFilled, IconCircleDashed, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '@shared/contract';
import { href } from '../../app/router';
import { gettingStartedSteps } from './home-state';

const dismissKey = (scope: string) => `isp-desk.getting-started-dismissed.${scope}`;

/** The first steps of a new ISP, each ticked from real state (routers, checks, backups, staff). Dismissible. */
export function GettingStarted({ scope, summary, staffCount }: { scope: string; summary: OutputOf<'routers.home'>; staffCount: number | undefined }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(dismissKey(scope)) === '1');
  if (dismissed) return null;
  const steps = gettingStartedSteps(scope, summary, staffCount);
  const done = steps.filter((s) => s.done).length;
  const dismiss = () => {
    localStorage.setItem(dismissKey(scope), '1');
    setDismissed(true);
  };
  return (
    <Card withBorder radius="md" padding="md" aria-label={t('home.start.title')} component="section">
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Text fw={600}>{t('home.start.title')}</Text>
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" c="dimmed">{t('home.start.progress', { done, total: steps.length })}</Text>
          <Tooltip label={t('home.start.dismiss')}>
            <ActionIcon variant="subtle" color="gray" onClick={dismiss} aria-label={t('home.start.dismiss')}><IconX size={16} /></ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Progress value={(done / steps.length) * 100} size="sm" mb="sm" />
      <List spacing={6} center>
        {steps.map((s) => (
          <List.Item
            key={s.id}
            data-done={s.done}
            icon={
              <ThemeIcon size={20} radius="xl" variant="transparent" color={s.done ? 'green' : 'gray'}>
                {s.done ? <IconCircleCheckFilled size={20} /> : <IconCircleDashed size={20} />}
              </ThemeIcon>
            }
          >
            {s.done ? (
              <Text size="sm" c="dimmed" td="line-through">{t(`home.start.${s.id}`)}</Text>
            ) : (
              <Anchor size="sm" href={href(s.to)}>{t(`home.start.${s.id}`)}</Anchor>
            )}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
