import { Button, EmptyState, Paper } from '@mantine/core';
import { IconLock, IconQuestionMark } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function PageState({ icon, color, title, body, homeHref, testId }: { icon: ReactNode; color: string; title: string; body: string; homeHref: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Paper p="xl" radius="md" data-testid={testId}>
      <EmptyState variant="light" color={color} icon={icon} size="lg">
        <EmptyState.Title order={2}>{title}</EmptyState.Title>
        <EmptyState.Description>{body}</EmptyState.Description>
        <EmptyState.Actions>
          <Button component="a" href={homeHref} variant="light">{t('noAccess.home')}</Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}

/** Shown instead of a page the signed-in role may not open (never a blank page). */
export function NoAccess({ homeHref }: { homeHref: string }) {
  const { t } = useTranslation();
  return <PageState testId="no-access" icon={<IconLock size={28} />} color="orange" title={t('noAccess.title')} body={t('noAccess.body')} homeHref={homeHref} />;
}

export function NotFound({ homeHref }: { homeHref: string }) {
  const { t } = useTranslation();
  return <PageState testId="not-found" icon={<IconQuestionMark size={28} />} color="gray" title={t('notFound.title')} body={t('notFound.body')} homeHref={homeHref} />;
}
