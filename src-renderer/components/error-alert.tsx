import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface ErrorAlertProps {
  error: { message: string } | null | undefined;
  /** Defaults to "Something went wrong"; null shows the message alone. */
  title?: string | null;
  onRetry?: () => void;
}

/** A failed call, shown with main's message (already written for people) and an optional retry. */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} title={title === null ? undefined : title ?? t('errors.title')} role="alert">
      <Group justify="space-between" align="center" wrap="nowrap" gap="md">
        <Text size="sm">{error.message}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" leftSection={<IconRefresh size={14} />} onClick={onRetry} style={{ flexShrink: 0 }}>
            {t('common.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
